package host

import (
	"io/fs"
	"syscall"
	"time"
)

// sysFields are the fields of a Stats that fs.FileInfo does not give.
type sysFields struct {
	dev, ino, nlink, uid, gid, rdev, blksize, blocks int64
	atime, ctime                                     time.Time
}

func sysStat(fi fs.FileInfo) sysFields {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return sysFields{}
	}
	return sysFields{
		dev: int64(st.Dev), ino: int64(st.Ino), nlink: int64(st.Nlink), uid: int64(st.Uid), gid: int64(st.Gid),
		rdev: int64(st.Rdev), blksize: int64(st.Blksize), blocks: int64(st.Blocks),
		atime: time.Unix(st.Atim.Sec, st.Atim.Nsec), ctime: time.Unix(st.Ctim.Sec, st.Ctim.Nsec),
	}
}
