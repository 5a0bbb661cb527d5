@@ l
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o host.example.com (ED25519)
256 SHA256:e83/7a1xJ3UwZ0xGe+oGktEzhdKqBsTX+e4peEJiybA [host.example.com]:2222 (ED25519)
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 192.0.2.7 (ED25519)
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ host.example.com (ED25519-CERT)
@@ lv
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o host.example.com (ED25519)
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
256 SHA256:e83/7a1xJ3UwZ0xGe+oGktEzhdKqBsTX+e4peEJiybA [host.example.com]:2222 (ED25519)
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
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 192.0.2.7 (ED25519)
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
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ host.example.com (ED25519-CERT)
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
@@ lm
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 host.example.com (ED25519)
256 MD5:fb:51:82:02:4b:c7:f8:f1:9b:77:f9:95:e3:10:3e:7a [host.example.com]:2222 (ED25519)
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 192.0.2.7 (ED25519)
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 host.example.com (ED25519-CERT)
@@ lvm
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 host.example.com (ED25519)
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
256 MD5:fb:51:82:02:4b:c7:f8:f1:9b:77:f9:95:e3:10:3e:7a [host.example.com]:2222 (ED25519)
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
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 192.0.2.7 (ED25519)
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
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 host.example.com (ED25519-CERT)
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
@@ B
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix host.example.com (ED25519)
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx [host.example.com]:2222 (ED25519)
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex 192.0.2.7 (ED25519)
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox host.example.com (ED25519-CERT)
@@ Bv
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix host.example.com (ED25519)
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
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx [host.example.com]:2222 (ED25519)
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
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex 192.0.2.7 (ED25519)
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
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox host.example.com (ED25519-CERT)
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
@@ Bvm
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix host.example.com (ED25519)
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
256 xosef-bydar-bohys-kykom-zehih-lipyv-sehan-lifyf-lytor-rasuk-pyxyx [host.example.com]:2222 (ED25519)
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
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex 192.0.2.7 (ED25519)
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
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox host.example.com (ED25519-CERT)
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
