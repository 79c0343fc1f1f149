package transform

import (
	"reflect"
	"testing"
)

func TestImportBindings(t *testing.T) {
	r, err := Transform("/x/main.mts", `import { run } from "threads";
import { scale } from "./lib.mjs";
import * as ns from "./ns.mjs";
import data from "./d.json" with { type: "json" };
import type { T } from "./types.ts";
export { other } from "./other.mjs";
const q: T | undefined = undefined;
console.log(run, scale, ns, data, q);
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := ImportBindings(r.Code)
	want := map[string]string{"import_threads": "threads", "import_lib": "./lib.mjs", "ns": "./ns.mjs", "import_d": "./d.json", "import_other": "./other.mjs"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
