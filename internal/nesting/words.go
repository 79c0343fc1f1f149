package nesting

// keyword reports whether w is a word after which an expression goes on
// (or a statement begins), so that a "/" after it starts a regular
// expression and a line break after it ends nothing. Words that may also
// name a variable (of, get, type, ...) are here too: for them the count
// only grows. A switch, not a map: it is asked for every word of a text.
func keyword(w string) bool {
	if len(w) < 2 || len(w) > 10 || w[0] < 'a' || w[0] > 'y' {
		return false
	}
	switch w {
	case "await", "break", "case", "catch", "class", "const", "continue",
		"debugger", "default", "delete", "do", "else", "enum", "export",
		"extends", "finally", "for", "function", "if", "import", "in",
		"instanceof", "let", "new", "return", "switch", "throw", "try",
		"typeof", "var", "void", "while", "with", "yield", "async", "static",
		"get", "set", "of", "as", "satisfies", "keyof", "infer", "is",
		"asserts", "declare", "namespace", "module", "abstract", "readonly",
		"implements", "interface", "private", "protected", "public", "type",
		"from", "unique", "accessor", "override", "out":
		return true
	}
	return false
}

// expressionKeyword lists the keywords after which an expression follows:
// a "{" there opens an object literal.
func expressionKeyword(w string) bool {
	switch w {
	case "await", "case", "delete", "in", "instanceof", "new", "of", "return",
		"throw", "typeof", "void", "yield", "extends":
		return true
	}
	return false
}

// continuesExpression lists the words that, first on a line, can go on
// with the expression of the line before: no statement ends before them.
func continuesExpression(w string) bool {
	switch w {
	case "in", "instanceof", "of", "as", "satisfies":
		return true
	}
	return false
}
