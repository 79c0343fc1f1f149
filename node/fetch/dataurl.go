package fetch

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// dataURL is the body and MIME type of a data: URL, as the Fetch
// standard's data: URL processor reads it; ok is false for a malformed one.
func dataURL(href string) (mime string, body []byte, ok bool) {
	rest, found := strings.CutPrefix(href, "data:")
	if !found {
		return "", nil, false
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	mime, data, found := strings.Cut(rest, ",")
	if !found {
		return "", nil, false
	}
	mime = strings.Trim(mime, " \t\n\f\r")
	raw, err := url.PathUnescape(data)
	if err != nil {
		raw = data // a stray % stays as it is, as the standard's percent-decode leaves it
	}
	body = []byte(raw)
	if head, b64 := cutBase64(mime); b64 {
		mime = head
		clean := strings.Map(func(r rune) rune {
			if strings.ContainsRune(" \t\n\f\r", r) {
				return -1
			}
			return r
		}, raw)
		clean = strings.TrimRight(clean, "=")
		body, err = base64.RawStdEncoding.DecodeString(clean)
		if err != nil {
			return "", nil, false
		}
	}
	if strings.HasPrefix(mime, ";") {
		mime = "text/plain" + mime
	}
	if mime == "" {
		mime = "text/plain;charset=US-ASCII"
	}
	typ, params, _ := strings.Cut(mime, ";")
	mime = strings.ToLower(strings.TrimSpace(typ))
	if params != "" {
		mime += ";" + params
	}
	return mime, body, true
}

// cutBase64 strips a final ";base64" (any case, spaces around it) from
// mime.
func cutBase64(mime string) (string, bool) {
	i := strings.LastIndexByte(mime, ';')
	if i < 0 || !strings.EqualFold(strings.TrimSpace(mime[i+1:]), "base64") {
		return mime, false
	}
	return strings.TrimRight(mime[:i], " \t\n\f\r"), true
}
