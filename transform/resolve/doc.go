// Package resolve finds the file a module specifier names, as Node 20/22
// does for import (ESM) and for require (CommonJS): relative and absolute
// paths, node_modules directories walked up from the importer, a
// package.json's "main" and "exports" (a string, ".", subpaths, subpath
// patterns with *, and nested conditions: "node", "import" or "require",
// "default"), and built-in modules with or without the node: prefix.
//
// It reads only through the FS it is given (the host confines files with
// os.Root). testdata/expect.mjs runs Node on testdata/tree and wrote
// testdata/expected.json, which the tests compare with.
//
// Errors are *Error values with Node's code and message:
// ERR_MODULE_NOT_FOUND ("Cannot find module '/abs/x' imported from
// /abs/main.mjs": Node names the resolved path), ERR_UNSUPPORTED_DIR_IMPORT,
// ERR_PACKAGE_PATH_NOT_EXPORTED, ERR_UNKNOWN_BUILTIN_MODULE for import;
// MODULE_NOT_FOUND ("Cannot find module './x'\nRequire stack:\n- /abs/main.js")
// for require.
//
// Not done (as Node does them): package "imports" (#name), a package
// referring to itself by name, file: URLs and %-escapes in specifiers,
// and the symbolic-link realpath of a resolved file.
package resolve
