package nesting

// scanner counts the levels of one text (see the package doc). It never
// stops early: where the text is not what it expects (an unterminated
// string, a stray closing bracket) it goes on as the next byte suggests.
type scanner struct {
	src    string
	i      int
	frames []frame // open brackets; frames[0] is the text itself
	total  int     // the levels now: each open frame's 1 plus its tokens
	most   int

	newline  bool // a line break since the last token
	prevEnds bool // the last token can end an expression
	// regexOK: a "/" here starts a regular expression, not a division.
	regexOK bool
	// opRun is the operator bytes since the last other token, and
	// endsBeforeOps whether that token could end an expression: "a++ /"
	// is a division.
	opRun         [2]byte // the last two of them, 0 where none
	endsBeforeOps bool
	prevWord      string // the last token, if a keyword
	lastPunct     byte   // the last token, if punctuation: ( [ { $ or an operator's byte
}

type frame struct {
	k      int  // tokens since the frame opened or its last ; or ,
	kind   byte // '(', '[', '{', or '$' for a template's ${
	object bool // a '{' that opens an expression (object literal)
	// regexAfter: after the frame closes, "/" starts a regular expression
	// ("if (a) /x/", "{ } /x/").
	regexAfter bool
}

func (s *scanner) scan() int {
	s.frames = append(s.frames, frame{})
	s.regexOK = true
	src := s.src
	for s.i < len(src) {
		c := src[s.i]
		switch {
		case c == '\n' || c == '\r':
			s.newline = true
			s.i++
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			s.i++
		case c == '/' && s.i+1 < len(src) && src[s.i+1] == '/':
			s.lineComment()
		case c == '/' && s.i+1 < len(src) && src[s.i+1] == '*':
			s.blockComment()
		case c == '\'' || c == '"':
			s.beforeToken(true)
			s.quoted(c)
			s.operand()
		case c == '`':
			s.beforeToken(false)
			s.count()
			s.i++
			s.template()
		case c == '/' && s.regexOK:
			s.beforeToken(false)
			s.count()
			s.regex()
			s.operand()
		case isDigit(c) || (c == '.' && s.i+1 < len(src) && isDigit(src[s.i+1])):
			s.beforeToken(true)
			s.count()
			s.number()
			s.operand()
		case isWordByte(c):
			s.wordToken()
		case c == '(' || c == '[' || c == '{':
			s.open(c)
		case c == ')' || c == ']' || c == '}':
			s.close()
		case c == ';' || c == ',':
			s.newline = false
			s.reset()
			s.operator(c)
		default:
			s.beforeToken(false)
			s.count()
			s.operator(c)
		}
	}
	return s.most
}

// beforeToken ends the statement at a line break where the language
// would insert a semicolon: after a token that ends an expression and
// before one that cannot continue it. (Where unsure, it does not: the
// count only grows.)
func (s *scanner) beforeToken(startsStatement bool) {
	if s.newline && s.prevEnds && startsStatement {
		s.reset()
	}
	s.newline = false
}

func (s *scanner) count() {
	f := &s.frames[len(s.frames)-1]
	f.k++
	s.total++
	s.most = max(s.most, s.total)
}

func (s *scanner) reset() {
	f := &s.frames[len(s.frames)-1]
	s.total -= f.k
	f.k = 0
}

// operand notes a token that can end an expression.
func (s *scanner) operand() {
	s.prevEnds, s.regexOK = true, false
	s.opRun, s.endsBeforeOps, s.prevWord, s.lastPunct = [2]byte{}, true, "", 0
}

func (s *scanner) operator(c byte) {
	s.i++
	if s.opRun[1] == 0 {
		s.endsBeforeOps = s.prevEnds
	}
	s.opRun = [2]byte{s.opRun[1], c}
	s.prevEnds, s.prevWord, s.lastPunct = false, "", c
	// After a postfix ++ or -- a "/" divides.
	s.regexOK = !(s.endsBeforeOps && (s.opRun == [2]byte{'+', '+'} || s.opRun == [2]byte{'-', '-'}))
}

func (s *scanner) open(c byte) {
	s.beforeToken(false)
	object := c == '{' && s.expressionNext()
	regexAfter := false
	switch {
	case c == '(':
		regexAfter = s.prevWord == "if" || s.prevWord == "while" || s.prevWord == "for" || s.prevWord == "with"
	case c == '{':
		regexAfter = !object
	}
	s.count()
	s.frames = append(s.frames, frame{kind: c, object: object, regexAfter: regexAfter})
	s.total++
	s.most = max(s.most, s.total)
	s.i++
	s.prevEnds, s.regexOK, s.opRun, s.prevWord, s.lastPunct = false, true, [2]byte{}, "", c
}

// expressionNext reports whether what follows the last token is an
// expression: a "{" there opens an object literal, not a block.
func (s *scanner) expressionNext() bool {
	if s.prevWord != "" {
		return expressionKeyword(s.prevWord)
	}
	switch s.lastPunct {
	case 0, ';', '{':
		return false // at the start, after an operand, ";" or "{"
	case '>':
		return s.opRun != [2]byte{'=', '>'} // an arrow's body is a block
	}
	return true
}

func (s *scanner) close() {
	s.beforeToken(false)
	s.i++
	if len(s.frames) == 1 {
		s.operand() // a stray closing bracket: ignored
		return
	}
	f := s.frames[len(s.frames)-1]
	s.total -= f.k + 1
	s.frames = s.frames[:len(s.frames)-1]
	if f.kind == '$' {
		s.template() // the template goes on after ${...}
		return
	}
	s.operand()
	s.regexOK = f.regexAfter
}

// template reads a template's text from s.i to its end or its next ${.
func (s *scanner) template() {
	src := s.src
	for s.i < len(src) {
		switch src[s.i] {
		case '\\':
			s.i += 2
		case '`':
			s.i++
			s.operand()
			return
		case '$':
			if s.i+1 < len(src) && src[s.i+1] == '{' {
				s.count()
				s.frames = append(s.frames, frame{kind: '$'})
				s.total++
				s.most = max(s.most, s.total)
				s.i += 2
				s.prevEnds, s.regexOK, s.opRun, s.prevWord, s.lastPunct = false, true, [2]byte{}, "", '$'
				return
			}
			s.i++
		default:
			s.i++
		}
	}
	s.operand()
}

func (s *scanner) quoted(q byte) {
	src := s.src
	s.count()
	s.i++
	for s.i < len(src) {
		switch src[s.i] {
		case '\\':
			s.i += 2
		case q:
			s.i++
			return
		case '\n', '\r':
			return // unterminated: the line ends it
		default:
			s.i++
		}
	}
}

func (s *scanner) regex() {
	src := s.src
	s.i++
	class := false
	for s.i < len(src) {
		switch c := src[s.i]; {
		case c == '\\':
			s.i += 2
		case c == '\n' || c == '\r':
			return // not a regular expression after all: read on as code
		case c == '[':
			class = true
			s.i++
		case c == ']':
			class = false
			s.i++
		case c == '/' && !class:
			s.i++
			for s.i < len(src) && isWordByte(src[s.i]) {
				s.i++ // flags
			}
			return
		default:
			s.i++
		}
	}
}

func (s *scanner) number() {
	src := s.src
	start := s.i
	for s.i < len(src) {
		c := src[s.i]
		if isWordByte(c) || c == '.' {
			s.i++
			continue
		}
		// An exponent's sign: 1e+5, but not 0xe+5.
		if (c == '+' || c == '-') && (src[s.i-1] == 'e' || src[s.i-1] == 'E') &&
			!(s.i-start > 1 && (src[start+1] == 'x' || src[start+1] == 'X')) {
			s.i++
			continue
		}
		return
	}
}

func (s *scanner) wordToken() {
	src := s.src
	start := s.i
	for s.i < len(src) && isWordByte(src[s.i]) {
		if src[s.i] == '\\' {
			s.i++ // \u escape in a name
		}
		s.i++
	}
	w := src[start:min(s.i, len(src))]
	s.beforeToken(!continuesExpression(w))
	s.count()
	if keyword(w) {
		s.prevEnds, s.regexOK, s.opRun, s.prevWord, s.lastPunct = false, true, [2]byte{}, w, 0
		return
	}
	s.operand()
}

func (s *scanner) lineComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '\r' {
		s.i++
	}
}

func (s *scanner) blockComment() {
	src := s.src
	s.i += 2
	for s.i < len(src) {
		if src[s.i] == '*' && s.i+1 < len(src) && src[s.i+1] == '/' {
			s.i += 2
			return
		}
		if src[s.i] == '\n' || src[s.i] == '\r' {
			s.newline = true
		}
		s.i++
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool { return wordByte[c] }

// wordByte marks the bytes of names and numbers: a table, since the scan
// asks for nearly every byte of a text.
var wordByte = func() (t [256]bool) {
	for c := range 256 {
		b := byte(c)
		t[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || isDigit(b) ||
			b == '_' || b == '$' || b == '#' || b == '\\' || b >= 0x80
	}
	return t
}()
