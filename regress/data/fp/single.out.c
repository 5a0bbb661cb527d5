@@ l
256 SHA256:gel7kVfOoR9HOZIufb60Jv0YqMicl1zGREwEujuEhvs kith test CA (ED25519)
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 alice@example.com (ED25519-CERT)
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 alice@example.com (ED25519)
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY no comment (ED25519)
256 SHA256:2//JCSl+OFEX4JD1Fpo9eserQ9X/XXFsV+gEPafegng with several spaces  inside (ED25519)
256 SHA256:zjwx0v5OgoHVSjR/N9XbmEWZd1clLubYWOGZkND1Las tab	here (ED25519)
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
256 SHA256:fiJKVkg1RV8q+2H1bh8DBpPLcbnZnNbyuQZrkqgasdw esc\033[31mred\033[0m (ED25519)
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k del\177 trunc\342\202 (ED25519)
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w crx (ED25519)
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI bad\377\376utf8 (ED25519)
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 e\314\201 zw\342\200\213 (ED25519)
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U no comment (ED25519)
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU leading blanks (ED25519)
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg trailing blanks   (ED25519)
256 SHA256:LsJfzH/GeaRMWRCHwvmjel3Gzc5BzheridZJe+FwWV0 quote" back\slash (ED25519)
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw %s %n 100% (ED25519)
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g \360\237\224\221 key (ED25519)
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs ctl\001\037end (ED25519)
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk c1\302\205nbsp\302\240 (ED25519)
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
256 SHA256:e83/7a1xJ3UwZ0xGe+oGktEzhdKqBsTX+e4peEJiybA root@host # not a comment (ED25519)
@@ lv
256 SHA256:gel7kVfOoR9HOZIufb60Jv0YqMicl1zGREwEujuEhvs kith test CA (ED25519)
+--[ED25519 256]--+
|          .=o    |
|       o .  o. . |
|      o o  .= +  |
|     o . + B.+ . |
|    . + S +o* o  |
|     o o + o+*   |
|    . . +. +o.+  |
|     . + ++...o= |
|      E =..  o+..|
+----[SHA256]-----+
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 alice@example.com (ED25519-CERT)
+-[ED25519-CERT]--+
|   o*oo          |
|  .+=B .         |
| o *E.=          |
|o B+.o +         |
| ++o..o S        |
| ..oo o. .       |
|..+o . .=        |
|.Bo.+  o .       |
|=o=+ o.          |
+----[SHA256]-----+
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 alice@example.com (ED25519)
+--[ED25519 256]--+
|   o*oo          |
|  .+=B .         |
| o *E.=          |
|o B+.o +         |
| ++o..o S        |
| ..oo o. .       |
|..+o . .=        |
|.Bo.+  o .       |
|=o=+ o.          |
+----[SHA256]-----+
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY no comment (ED25519)
+--[ED25519 256]--+
|          . .. . |
|         o + .o  |
|        o O ..   |
|     . o * =o o  |
|    . = S.oo B   |
|     + * *o+E .  |
|      = o **.    |
|     o ..+= +    |
|    .   oo.*.    |
+----[SHA256]-----+
256 SHA256:2//JCSl+OFEX4JD1Fpo9eserQ9X/XXFsV+gEPafegng with several spaces  inside (ED25519)
+--[ED25519 256]--+
|          .o++.. |
|          .o =*.o|
|            +o=*o|
|            .o+=*|
|        S  o.+ooB|
|         oo E+o.=|
|        . o++  o+|
|         .oo.+.oo|
|          .o.o*  |
+----[SHA256]-----+
256 SHA256:zjwx0v5OgoHVSjR/N9XbmEWZd1clLubYWOGZkND1Las tab	here (ED25519)
+--[ED25519 256]--+
|      o .o.oo ooO|
|     . +  oo B =*|
|      o o . X ++B|
|     + o . O oo+.|
|    . + S o o .  |
|       O o   .   |
|      . B . E    |
|         =       |
|         .o      |
+----[SHA256]-----+
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
+-[ED25519-CERT]--+
|       o E=o     |
|      + .  +     |
|     o o  o * .  |
|    o o  o B *  .|
|   + o  S = = o..|
|    O..... o o =.|
|   +.*.o    + o.+|
|  . +.o      +.o |
|   o.        o+  |
+----[SHA256]-----+
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
+--[ED25519 256]--+
|       o E=o     |
|      + .  +     |
|     o o  o * .  |
|    o o  o B *  .|
|   + o  S = = o..|
|    O..... o o =.|
|   +.*.o    + o.+|
|  . +.o      +.o |
|   o.        o+  |
+----[SHA256]-----+
256 SHA256:fiJKVkg1RV8q+2H1bh8DBpPLcbnZnNbyuQZrkqgasdw esc\033[31mred\033[0m (ED25519)
+--[ED25519 256]--+
|      ooo   .    |
|     . . . o. .  |
|    .   . o=.o   |
|   . .   o..*.= o|
|    ... S oo =o=.|
|    ..+. o ..ooo.|
|    o+.Eo + . =+.|
|   o ... + o + o+|
|    .....   o ...|
+----[SHA256]-----+
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k del\177 trunc\342\202 (ED25519)
+--[ED25519 256]--+
|=o=+B+..         |
| @ B++. .        |
|. @ Bo..         |
| + O o .         |
|  + = . S        |
|.  o .  E        |
|+ .    o         |
|+...+ o          |
|+++=o+           |
+----[SHA256]-----+
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w crx (ED25519)
+--[ED25519 256]--+
|  oo             |
| .  =            |
|.  = *           |
|... * +          |
|. o+ +  S        |
|. +++ oo         |
| *  +*o ..       |
|  = +=o*+ o      |
|   =oo=E=B=+.    |
+----[SHA256]-----+
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI bad\377\376utf8 (ED25519)
+--[ED25519 256]--+
|B*+     o..      |
|E+ + . . o .     |
|o o o o   +      |
| .   o.  . o.    |
|     . .S....=   |
|      ..oo..=+o. |
|      .o.o=o++o  |
|      o.o.o=o .  |
|       +o+. o.   |
+----[SHA256]-----+
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 e\314\201 zw\342\200\213 (ED25519)
+--[ED25519 256]--+
|O=o.o. . o..++   |
|*= ..o.oo   oo   |
|o.O o.+ .   .    |
| + =   .   E .   |
|  o    .S   .    |
|   . .+. .       |
|    . =+=        |
|   . o.B.o       |
|    o+=oo .      |
+----[SHA256]-----+
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U no comment (ED25519)
+--[ED25519 256]--+
|        o + . o. |
|       o & =.=.  |
|      + @ @ +oE..|
|     . @ O o .= o|
|      . S + o  * |
|       o . o  o o|
|          .    + |
|         .o . .  |
|         o.. .   |
+----[SHA256]-----+
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU leading blanks (ED25519)
+--[ED25519 256]--+
|       . . .+..  |
|        +oo. o.o.|
| .    ....+...o.o|
|  + .  = + ...o .|
| . +..+ S    . . |
|  .Eo=+B..       |
|   .=.o=+ .      |
|   ooo. ..       |
|   o=o .oo       |
+----[SHA256]-----+
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg trailing blanks   (ED25519)
+--[ED25519 256]--+
|              ...|
|           . . .o|
|          o o  ..|
|       E . + o .o|
|        S O = o o|
|       . O X * o |
|      . +oO.=o+ o|
|       o.+++..=* |
|      .. ...ooooo|
+----[SHA256]-----+
256 SHA256:LsJfzH/GeaRMWRCHwvmjel3Gzc5BzheridZJe+FwWV0 quote" back\slash (ED25519)
+--[ED25519 256]--+
|         . ..o.  |
|          + o.  E|
|           o .  o|
|            o .oo|
|        S  . =+o=|
|   .   +  . oo=O+|
|    o . =. =+*Oo+|
|     o o...oO*.oo|
|      .  .oo ..  |
+----[SHA256]-----+
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw %s %n 100% (ED25519)
+--[ED25519 256]--+
|     .oo ..oo=E. |
|   . .oo=o.o..B  |
|  . + +=*.* oo . |
|   + B o++.o     |
|    = o.S+       |
|     +. .        |
|     ..   .      |
|      o. O       |
|     ..oO..      |
+----[SHA256]-----+
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g \360\237\224\221 key (ED25519)
+--[ED25519 256]--+
|  ..+ +    .+ .oo|
|   o = +   . o. +|
|      * .  ..+.o+|
|       = ..o+o= *|
|      . S.. o. O |
|       oE=    + .|
|        o o    = |
|           o .+ +|
|            +o.=o|
+----[SHA256]-----+
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs ctl\001\037end (ED25519)
+--[ED25519 256]--+
|     +. ...+o    |
|      +.ooo+o.   |
|     o  o==++    |
|    + . ++*+o.   |
|     + =S*o*E.   |
|      o +o*.+ .  |
|       . o.+ o   |
|          + *    |
|         . =     |
+----[SHA256]-----+
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk c1\302\205nbsp\302\240 (ED25519)
+--[ED25519 256]--+
|         .*o+.o+X|
|         +EO = B=|
|    . . o.+ = *+ |
|   o = =   o . o.|
|    = + S     .o+|
|     .       .++ |
|              oo+|
|              oo+|
|             ..o |
+----[SHA256]-----+
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
+--[ED25519 256]--+
|        .. . .X=B|
|       o .. .*o&+|
|      . o o * *o*|
|     . . = o = Xo|
|    . . S o . +.B|
|   .     .   .. B|
|  .            *.|
| E            o  |
|                 |
+----[SHA256]-----+
256 SHA256:e83/7a1xJ3UwZ0xGe+oGktEzhdKqBsTX+e4peEJiybA root@host # not a comment (ED25519)
+--[ED25519 256]--+
|     .   . o ...+|
|      o . +.o. +.|
|     . .  .++ o.=|
|    . .   .o.o *.|
|     + oS.o.. . o|
|    E = +. +.o ..|
|     . +....o.= o|
|        o.o oo ++|
|         o .  o+=|
+----[SHA256]-----+
@@ lm
256 MD5:fe:a4:c0:13:c9:3f:a5:64:85:2a:04:61:2a:86:4a:14 kith test CA (ED25519)
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 alice@example.com (ED25519-CERT)
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 alice@example.com (ED25519)
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e no comment (ED25519)
256 MD5:21:23:9d:44:0b:65:7b:87:a4:3d:3d:99:c9:8d:c7:6e with several spaces  inside (ED25519)
256 MD5:77:b2:8e:8a:2f:ee:fd:c8:b3:ef:18:b5:16:68:08:82 tab	here (ED25519)
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
256 MD5:5b:e0:9b:05:d0:37:b1:d1:cf:36:fe:dc:39:aa:d9:5b esc\033[31mred\033[0m (ED25519)
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 del\177 trunc\342\202 (ED25519)
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 crx (ED25519)
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d bad\377\376utf8 (ED25519)
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 e\314\201 zw\342\200\213 (ED25519)
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e no comment (ED25519)
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 leading blanks (ED25519)
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d trailing blanks   (ED25519)
256 MD5:88:40:6d:f1:81:84:79:27:fc:55:5e:a1:d6:0c:ac:f6 quote" back\slash (ED25519)
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a %s %n 100% (ED25519)
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c \360\237\224\221 key (ED25519)
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf ctl\001\037end (ED25519)
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 c1\302\205nbsp\302\240 (ED25519)
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
256 MD5:fb:51:82:02:4b:c7:f8:f1:9b:77:f9:95:e3:10:3e:7a root@host # not a comment (ED25519)
@@ lvm
256 MD5:fe:a4:c0:13:c9:3f:a5:64:85:2a:04:61:2a:86:4a:14 kith test CA (ED25519)
+--[ED25519 256]--+
| E=.             |
|oo .     .       |
|+o  .   . .      |
|=  . . o .       |
|.   . = S .      |
|     o * o       |
|      + = .      |
|       o =       |
|        . .      |
+------[MD5]------+
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 alice@example.com (ED25519-CERT)
+-[ED25519-CERT]--+
|            o .  |
|     o     o *   |
|    o + . . o o  |
|   . o + o   o   |
|    . . S o . .  |
|     . . . o     |
|        E + +    |
|         o = o   |
|          . o    |
+------[MD5]------+
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 alice@example.com (ED25519)
+--[ED25519 256]--+
|            o .  |
|     o     o *   |
|    o + . . o o  |
|   . o + o   o   |
|    . . S o . .  |
|     . . . o     |
|        E + +    |
|         o = o   |
|          . o    |
+------[MD5]------+
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e no comment (ED25519)
+--[ED25519 256]--+
|     o+o*.       |
|     ooX.        |
|    o E.=        |
|     * O .       |
|    o o S        |
|     . o         |
|        .        |
|                 |
|                 |
+------[MD5]------+
256 MD5:21:23:9d:44:0b:65:7b:87:a4:3d:3d:99:c9:8d:c7:6e with several spaces  inside (ED25519)
+--[ED25519 256]--+
|    .o= .        |
|     = B + B     |
|    . O * X +    |
|     . + + +     |
|        S   E    |
|           .     |
|                 |
|                 |
|                 |
+------[MD5]------+
256 MD5:77:b2:8e:8a:2f:ee:fd:c8:b3:ef:18:b5:16:68:08:82 tab	here (ED25519)
+--[ED25519 256]--+
|                 |
|.                |
|E .              |
| . . . .         |
|    . o S o .    |
|     . . + +     |
|      . o .      |
|    .+.= o       |
|   o+oOB= .      |
+------[MD5]------+
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
+-[ED25519-CERT]--+
|                 |
|                 |
|                 |
|     . o         |
|      o S        |
|     . + .. . .  |
|    E . =+ o + . |
|     . +oo= * .  |
|      oo+o.*.    |
+------[MD5]------+
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|     . o         |
|      o S        |
|     . + .. . .  |
|    E . =+ o + . |
|     . +oo= * .  |
|      oo+o.*.    |
+------[MD5]------+
256 MD5:5b:e0:9b:05:d0:37:b1:d1:cf:36:fe:dc:39:aa:d9:5b esc\033[31mred\033[0m (ED25519)
+--[ED25519 256]--+
|      ..  oo     |
|       .. oo.    |
|        o... o   |
|       . o    =  |
|        S o  o . |
|         *    .  |
|        +      Eo|
|            o .o+|
|           o.+o .|
+------[MD5]------+
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 del\177 trunc\342\202 (ED25519)
+--[ED25519 256]--+
|        o.o+o++  |
|     . +E++.o.o= |
|      o =..+..o o|
|       . =.  . . |
|        S .      |
|                 |
|                 |
|                 |
|                 |
+------[MD5]------+
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 crx (ED25519)
+--[ED25519 256]--+
|         oo.  .oE|
|        ... .. o+|
|          =+...o.|
|         *...o..o|
|        S o + .o.|
|             o. o|
|               . |
|                 |
|                 |
+------[MD5]------+
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d bad\377\376utf8 (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|       o         |
|    o o S       o|
|   . = o ..   E.o|
|    .oB.oo . . o |
|    .=o*+   . .  |
|   .o  .+        |
+------[MD5]------+
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 e\314\201 zw\342\200\213 (ED25519)
+--[ED25519 256]--+
| oO*Bo. *.       |
|  .B.B.o *       |
|  ..= . . E      |
|       .         |
|        S        |
|         .       |
|                 |
|                 |
|                 |
+------[MD5]------+
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e no comment (ED25519)
+--[ED25519 256]--+
| ++.    o.       |
|E oo + = o       |
| o  O B *        |
|  .o + B .       |
|      = S        |
|     . .         |
|                 |
|                 |
|                 |
+------[MD5]------+
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 leading blanks (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|         .    o  |
|        S .  + o.|
|         .  ..Eo=|
|          . +.o=O|
|           ..=.==|
|          .o..o .|
+------[MD5]------+
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d trailing blanks   (ED25519)
+--[ED25519 256]--+
|                 |
|           .     |
|          E .    |
|       . . +     |
|        S o . .  |
|         o   * B.|
|        . . + B B|
|         . . = = |
|          . . *o |
+------[MD5]------+
256 MD5:88:40:6d:f1:81:84:79:27:fc:55:5e:a1:d6:0c:ac:f6 quote" back\slash (ED25519)
+--[ED25519 256]--+
|  .*oo.  oo o.   |
| .o B......*     |
|  .o +.. .+ o    |
|   . ...o.       |
|    . ..S.       |
|          E      |
|                 |
|                 |
|                 |
+------[MD5]------+
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a %s %n 100% (ED25519)
+--[ED25519 256]--+
|   ..++*..       |
|    o Boo        |
|   . ..+         |
| E. . ..o        |
|.. . o +S        |
|.   . +o o       |
|     o           |
|      .          |
|                 |
+------[MD5]------+
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c \360\237\224\221 key (ED25519)
+--[ED25519 256]--+
|          ..     |
|         .  =    |
|          .o E   |
|         .. o .  |
|        S.   . . |
|        o   ..+o |
|         + . .ooo|
|          +   o.o|
|           oo+++ |
+------[MD5]------+
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf ctl\001\037end (ED25519)
+--[ED25519 256]--+
|        .. . .   |
|        .o  = . .|
|    . ..o. o . o |
|    oo.o. o . .  |
|     +..S  + +   |
|      .   + . E  |
|         . o     |
|          ...    |
|          ....   |
+------[MD5]------+
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 c1\302\205nbsp\302\240 (ED25519)
+--[ED25519 256]--+
|    o+o . .      |
|     =.o . .     |
|    o..=o +      |
|      E =B       |
|     + =Soo      |
|    . + .        |
|     .           |
|                 |
|                 |
+------[MD5]------+
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
+--[ED25519 256]--+
|+=o o            |
|++.+ E           |
|..  . o .        |
|.      o .       |
|o.    . S        |
|+ o. . o         |
| + .+..          |
|  ..o.           |
|    ..           |
+------[MD5]------+
256 MD5:fb:51:82:02:4b:c7:f8:f1:9b:77:f9:95:e3:10:3e:7a root@host # not a comment (ED25519)
+--[ED25519 256]--+
|                 |
|     o           |
|    + +          |
|   . = o .       |
|    . o S . ..   |
|       . + o... .|
|        + o o+ o.|
|         o o.E+..|
|          ... .. |
+------[MD5]------+
@@ B
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex kith test CA (ED25519)
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519-CERT)
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519)
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx no comment (ED25519)
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux with several spaces  inside (ED25519)
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex tab	here (ED25519)
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex esc\033[31mred\033[0m (ED25519)
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox del\177 trunc\342\202 (ED25519)
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax crx (ED25519)
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx bad\377\376utf8 (ED25519)
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix e\314\201 zw\342\200\213 (ED25519)
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix no comment (ED25519)
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux leading blanks (ED25519)
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax trailing blanks   (ED25519)
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx quote" back\slash (ED25519)
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix %s %n 100% (ED25519)
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux \360\237\224\221 key (ED25519)
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux ctl\001\037end (ED25519)
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx c1\302\205nbsp\302\240 (ED25519)
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx root@host # not a comment (ED25519)
@@ Bv
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex kith test CA (ED25519)
+--[ED25519 256]--+
|          .=o    |
|       o .  o. . |
|      o o  .= +  |
|     o . + B.+ . |
|    . + S +o* o  |
|     o o + o+*   |
|    . . +. +o.+  |
|     . + ++...o= |
|      E =..  o+..|
+----[SHA256]-----+
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519-CERT)
+-[ED25519-CERT]--+
|   o*oo          |
|  .+=B .         |
| o *E.=          |
|o B+.o +         |
| ++o..o S        |
| ..oo o. .       |
|..+o . .=        |
|.Bo.+  o .       |
|=o=+ o.          |
+----[SHA256]-----+
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519)
+--[ED25519 256]--+
|   o*oo          |
|  .+=B .         |
| o *E.=          |
|o B+.o +         |
| ++o..o S        |
| ..oo o. .       |
|..+o . .=        |
|.Bo.+  o .       |
|=o=+ o.          |
+----[SHA256]-----+
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx no comment (ED25519)
+--[ED25519 256]--+
|          . .. . |
|         o + .o  |
|        o O ..   |
|     . o * =o o  |
|    . = S.oo B   |
|     + * *o+E .  |
|      = o **.    |
|     o ..+= +    |
|    .   oo.*.    |
+----[SHA256]-----+
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux with several spaces  inside (ED25519)
+--[ED25519 256]--+
|          .o++.. |
|          .o =*.o|
|            +o=*o|
|            .o+=*|
|        S  o.+ooB|
|         oo E+o.=|
|        . o++  o+|
|         .oo.+.oo|
|          .o.o*  |
+----[SHA256]-----+
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex tab	here (ED25519)
+--[ED25519 256]--+
|      o .o.oo ooO|
|     . +  oo B =*|
|      o o . X ++B|
|     + o . O oo+.|
|    . + S o o .  |
|       O o   .   |
|      . B . E    |
|         =       |
|         .o      |
+----[SHA256]-----+
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
+-[ED25519-CERT]--+
|       o E=o     |
|      + .  +     |
|     o o  o * .  |
|    o o  o B *  .|
|   + o  S = = o..|
|    O..... o o =.|
|   +.*.o    + o.+|
|  . +.o      +.o |
|   o.        o+  |
+----[SHA256]-----+
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
+--[ED25519 256]--+
|       o E=o     |
|      + .  +     |
|     o o  o * .  |
|    o o  o B *  .|
|   + o  S = = o..|
|    O..... o o =.|
|   +.*.o    + o.+|
|  . +.o      +.o |
|   o.        o+  |
+----[SHA256]-----+
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex esc\033[31mred\033[0m (ED25519)
+--[ED25519 256]--+
|      ooo   .    |
|     . . . o. .  |
|    .   . o=.o   |
|   . .   o..*.= o|
|    ... S oo =o=.|
|    ..+. o ..ooo.|
|    o+.Eo + . =+.|
|   o ... + o + o+|
|    .....   o ...|
+----[SHA256]-----+
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox del\177 trunc\342\202 (ED25519)
+--[ED25519 256]--+
|=o=+B+..         |
| @ B++. .        |
|. @ Bo..         |
| + O o .         |
|  + = . S        |
|.  o .  E        |
|+ .    o         |
|+...+ o          |
|+++=o+           |
+----[SHA256]-----+
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax crx (ED25519)
+--[ED25519 256]--+
|  oo             |
| .  =            |
|.  = *           |
|... * +          |
|. o+ +  S        |
|. +++ oo         |
| *  +*o ..       |
|  = +=o*+ o      |
|   =oo=E=B=+.    |
+----[SHA256]-----+
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx bad\377\376utf8 (ED25519)
+--[ED25519 256]--+
|B*+     o..      |
|E+ + . . o .     |
|o o o o   +      |
| .   o.  . o.    |
|     . .S....=   |
|      ..oo..=+o. |
|      .o.o=o++o  |
|      o.o.o=o .  |
|       +o+. o.   |
+----[SHA256]-----+
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix e\314\201 zw\342\200\213 (ED25519)
+--[ED25519 256]--+
|O=o.o. . o..++   |
|*= ..o.oo   oo   |
|o.O o.+ .   .    |
| + =   .   E .   |
|  o    .S   .    |
|   . .+. .       |
|    . =+=        |
|   . o.B.o       |
|    o+=oo .      |
+----[SHA256]-----+
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix no comment (ED25519)
+--[ED25519 256]--+
|        o + . o. |
|       o & =.=.  |
|      + @ @ +oE..|
|     . @ O o .= o|
|      . S + o  * |
|       o . o  o o|
|          .    + |
|         .o . .  |
|         o.. .   |
+----[SHA256]-----+
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux leading blanks (ED25519)
+--[ED25519 256]--+
|       . . .+..  |
|        +oo. o.o.|
| .    ....+...o.o|
|  + .  = + ...o .|
| . +..+ S    . . |
|  .Eo=+B..       |
|   .=.o=+ .      |
|   ooo. ..       |
|   o=o .oo       |
+----[SHA256]-----+
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax trailing blanks   (ED25519)
+--[ED25519 256]--+
|              ...|
|           . . .o|
|          o o  ..|
|       E . + o .o|
|        S O = o o|
|       . O X * o |
|      . +oO.=o+ o|
|       o.+++..=* |
|      .. ...ooooo|
+----[SHA256]-----+
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx quote" back\slash (ED25519)
+--[ED25519 256]--+
|         . ..o.  |
|          + o.  E|
|           o .  o|
|            o .oo|
|        S  . =+o=|
|   .   +  . oo=O+|
|    o . =. =+*Oo+|
|     o o...oO*.oo|
|      .  .oo ..  |
+----[SHA256]-----+
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix %s %n 100% (ED25519)
+--[ED25519 256]--+
|     .oo ..oo=E. |
|   . .oo=o.o..B  |
|  . + +=*.* oo . |
|   + B o++.o     |
|    = o.S+       |
|     +. .        |
|     ..   .      |
|      o. O       |
|     ..oO..      |
+----[SHA256]-----+
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux \360\237\224\221 key (ED25519)
+--[ED25519 256]--+
|  ..+ +    .+ .oo|
|   o = +   . o. +|
|      * .  ..+.o+|
|       = ..o+o= *|
|      . S.. o. O |
|       oE=    + .|
|        o o    = |
|           o .+ +|
|            +o.=o|
+----[SHA256]-----+
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux ctl\001\037end (ED25519)
+--[ED25519 256]--+
|     +. ...+o    |
|      +.ooo+o.   |
|     o  o==++    |
|    + . ++*+o.   |
|     + =S*o*E.   |
|      o +o*.+ .  |
|       . o.+ o   |
|          + *    |
|         . =     |
+----[SHA256]-----+
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx c1\302\205nbsp\302\240 (ED25519)
+--[ED25519 256]--+
|         .*o+.o+X|
|         +EO = B=|
|    . . o.+ = *+ |
|   o = =   o . o.|
|    = + S     .o+|
|     .       .++ |
|              oo+|
|              oo+|
|             ..o |
+----[SHA256]-----+
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
+--[ED25519 256]--+
|        .. . .X=B|
|       o .. .*o&+|
|      . o o * *o*|
|     . . = o = Xo|
|    . . S o . +.B|
|   .     .   .. B|
|  .            *.|
| E            o  |
|                 |
+----[SHA256]-----+
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx root@host # not a comment (ED25519)
+--[ED25519 256]--+
|     .   . o ...+|
|      o . +.o. +.|
|     . .  .++ o.=|
|    . .   .o.o *.|
|     + oS.o.. . o|
|    E = +. +.o ..|
|     . +....o.= o|
|        o.o oo ++|
|         o .  o+=|
+----[SHA256]-----+
@@ Bvm
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex kith test CA (ED25519)
+--[ED25519 256]--+
| E=.             |
|oo .     .       |
|+o  .   . .      |
|=  . . o .       |
|.   . = S .      |
|     o * o       |
|      + = .      |
|       o =       |
|        . .      |
+------[MD5]------+
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519-CERT)
+-[ED25519-CERT]--+
|            o .  |
|     o     o *   |
|    o + . . o o  |
|   . o + o   o   |
|    . . S o . .  |
|     . . . o     |
|        E + +    |
|         o = o   |
|          . o    |
+------[MD5]------+
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex alice@example.com (ED25519)
+--[ED25519 256]--+
|            o .  |
|     o     o *   |
|    o + . . o o  |
|   . o + o   o   |
|    . . S o . .  |
|     . . . o     |
|        E + +    |
|         o = o   |
|          . o    |
+------[MD5]------+
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx no comment (ED25519)
+--[ED25519 256]--+
|     o+o*.       |
|     ooX.        |
|    o E.=        |
|     * O .       |
|    o o S        |
|     . o         |
|        .        |
|                 |
|                 |
+------[MD5]------+
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux with several spaces  inside (ED25519)
+--[ED25519 256]--+
|    .o= .        |
|     = B + B     |
|    . O * X +    |
|     . + + +     |
|        S   E    |
|           .     |
|                 |
|                 |
|                 |
+------[MD5]------+
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex tab	here (ED25519)
+--[ED25519 256]--+
|                 |
|.                |
|E .              |
| . . . .         |
|    . o S o .    |
|     . . + +     |
|      . o .      |
|    .+.= o       |
|   o+oOB= .      |
+------[MD5]------+
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519-CERT)
+-[ED25519-CERT]--+
|                 |
|                 |
|                 |
|     . o         |
|      o S        |
|     . + .. . .  |
|    E . =+ o + . |
|     . +oo= * .  |
|      oo+o.*.    |
+------[MD5]------+
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox caf\303\251 \342\234\223 \346\227\245\346\234\254 (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|     . o         |
|      o S        |
|     . + .. . .  |
|    E . =+ o + . |
|     . +oo= * .  |
|      oo+o.*.    |
+------[MD5]------+
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex esc\033[31mred\033[0m (ED25519)
+--[ED25519 256]--+
|      ..  oo     |
|       .. oo.    |
|        o... o   |
|       . o    =  |
|        S o  o . |
|         *    .  |
|        +      Eo|
|            o .o+|
|           o.+o .|
+------[MD5]------+
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox del\177 trunc\342\202 (ED25519)
+--[ED25519 256]--+
|        o.o+o++  |
|     . +E++.o.o= |
|      o =..+..o o|
|       . =.  . . |
|        S .      |
|                 |
|                 |
|                 |
|                 |
+------[MD5]------+
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax crx (ED25519)
+--[ED25519 256]--+
|         oo.  .oE|
|        ... .. o+|
|          =+...o.|
|         *...o..o|
|        S o + .o.|
|             o. o|
|               . |
|                 |
|                 |
+------[MD5]------+
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx bad\377\376utf8 (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|       o         |
|    o o S       o|
|   . = o ..   E.o|
|    .oB.oo . . o |
|    .=o*+   . .  |
|   .o  .+        |
+------[MD5]------+
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix e\314\201 zw\342\200\213 (ED25519)
+--[ED25519 256]--+
| oO*Bo. *.       |
|  .B.B.o *       |
|  ..= . . E      |
|       .         |
|        S        |
|         .       |
|                 |
|                 |
|                 |
+------[MD5]------+
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix no comment (ED25519)
+--[ED25519 256]--+
| ++.    o.       |
|E oo + = o       |
| o  O B *        |
|  .o + B .       |
|      = S        |
|     . .         |
|                 |
|                 |
|                 |
+------[MD5]------+
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux leading blanks (ED25519)
+--[ED25519 256]--+
|                 |
|                 |
|                 |
|         .    o  |
|        S .  + o.|
|         .  ..Eo=|
|          . +.o=O|
|           ..=.==|
|          .o..o .|
+------[MD5]------+
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax trailing blanks   (ED25519)
+--[ED25519 256]--+
|                 |
|           .     |
|          E .    |
|       . . +     |
|        S o . .  |
|         o   * B.|
|        . . + B B|
|         . . = = |
|          . . *o |
+------[MD5]------+
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx quote" back\slash (ED25519)
+--[ED25519 256]--+
|  .*oo.  oo o.   |
| .o B......*     |
|  .o +.. .+ o    |
|   . ...o.       |
|    . ..S.       |
|          E      |
|                 |
|                 |
|                 |
+------[MD5]------+
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix %s %n 100% (ED25519)
+--[ED25519 256]--+
|   ..++*..       |
|    o Boo        |
|   . ..+         |
| E. . ..o        |
|.. . o +S        |
|.   . +o o       |
|     o           |
|      .          |
|                 |
+------[MD5]------+
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux \360\237\224\221 key (ED25519)
+--[ED25519 256]--+
|          ..     |
|         .  =    |
|          .o E   |
|         .. o .  |
|        S.   . . |
|        o   ..+o |
|         + . .ooo|
|          +   o.o|
|           oo+++ |
+------[MD5]------+
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux ctl\001\037end (ED25519)
+--[ED25519 256]--+
|        .. . .   |
|        .o  = . .|
|    . ..o. o . o |
|    oo.o. o . .  |
|     +..S  + +   |
|      .   + . E  |
|         . o     |
|          ...    |
|          ....   |
+------[MD5]------+
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx c1\302\205nbsp\302\240 (ED25519)
+--[ED25519 256]--+
|    o+o . .      |
|     =.o . .     |
|    o..=o +      |
|      E =B       |
|     + =Soo      |
|    . + .        |
|     .           |
|                 |
|                 |
+------[MD5]------+
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment-long-comment- (ED25519)
+--[ED25519 256]--+
|+=o o            |
|++.+ E           |
|..  . o .        |
|.      o .       |
|o.    . S        |
|+ o. . o         |
| + .+..          |
|  ..o.           |
|    ..           |
+------[MD5]------+
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx root@host # not a comment (ED25519)
+--[ED25519 256]--+
|                 |
|     o           |
|    + +          |
|   . = o .       |
|    . o S . ..   |
|       . + o... .|
|        + o o+ o.|
|         o o.E+..|
|          ... .. |
+------[MD5]------+
