Load key "kith-enc": key encrypted using unsupported cipher
