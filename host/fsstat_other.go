//go:build !linux

package host

import (
	"io/fs"
	"time"
)

// sysFields are the fields of a Stats that fs.FileInfo does not give:
// zero off Linux.
type sysFields struct {
	dev, ino, nlink, uid, gid, rdev, blksize, blocks int64
	atime, ctime                                     time.Time
}

func sysStat(fs.FileInfo) sysFields { return sysFields{} }
