//go:build !jsrun_safeclone

package clone

// safeBuild is set by the jsrun_safeclone build tag, which forces the
// public path.
const safeBuild = false
