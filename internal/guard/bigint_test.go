package guard_test

import "testing"

// TestBigIntAsNFitsIsItsOwnResult: a BigInt that fits in the width is
// returned as it is, without the 2**bits goja would build, and the answers
// are Node's (node -e prints the same list).
func TestBigIntAsNFitsIsItsOwnResult(t *testing.T) {
	got, err := runGuarded(`[BigInt.asIntN(1e9, -1n), BigInt.asUintN(1e9, 5n), BigInt.asIntN(70, 2n**69n),
		BigInt.asIntN(70, 2n**69n - 1n), BigInt.asUintN(70, -1n) === 2n**70n - 1n, BigInt.asIntN(65, -(2n**64n))].join()`)
	want := "-1,5,-590295810358705651712,590295810358705651711,true,-18446744073709551616"
	if err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}
