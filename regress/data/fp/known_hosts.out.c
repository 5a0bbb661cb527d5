@@ l
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 host1,host1.example.com,192.0.2.1 (ED25519)
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY [host2]:2222 (ED25519)
256 SHA256:2//JCSl+OFEX4JD1Fpo9eserQ9X/XXFsV+gEPafegng trailing comment (ED25519)
256 SHA256:zjwx0v5OgoHVSjR/N9XbmEWZd1clLubYWOGZkND1Las |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
256 SHA256:fiJKVkg1RV8q+2H1bh8DBpPLcbnZnNbyuQZrkqgasdw host6 (ED25519)
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k host7 (ED25519)
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w host8 (ED25519)
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI host9,!bad* (ED25519)
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 host10 (ED25519)
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU last (ED25519)
@@ lv
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 host1,host1.example.com,192.0.2.1 (ED25519)
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
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY [host2]:2222 (ED25519)
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
256 SHA256:2//JCSl+OFEX4JD1Fpo9eserQ9X/XXFsV+gEPafegng trailing comment (ED25519)
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
256 SHA256:zjwx0v5OgoHVSjR/N9XbmEWZd1clLubYWOGZkND1Las |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
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
256 SHA256:fiJKVkg1RV8q+2H1bh8DBpPLcbnZnNbyuQZrkqgasdw host6 (ED25519)
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
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k host7 (ED25519)
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
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w host8 (ED25519)
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
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI host9,!bad* (ED25519)
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
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 host10 (ED25519)
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
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU last (ED25519)
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
@@ lm
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 host1,host1.example.com,192.0.2.1 (ED25519)
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e [host2]:2222 (ED25519)
256 MD5:21:23:9d:44:0b:65:7b:87:a4:3d:3d:99:c9:8d:c7:6e trailing comment (ED25519)
256 MD5:77:b2:8e:8a:2f:ee:fd:c8:b3:ef:18:b5:16:68:08:82 |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
256 MD5:5b:e0:9b:05:d0:37:b1:d1:cf:36:fe:dc:39:aa:d9:5b host6 (ED25519)
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 host7 (ED25519)
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 host8 (ED25519)
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d host9,!bad* (ED25519)
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 host10 (ED25519)
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 last (ED25519)
@@ lvm
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 host1,host1.example.com,192.0.2.1 (ED25519)
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
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e [host2]:2222 (ED25519)
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
256 MD5:21:23:9d:44:0b:65:7b:87:a4:3d:3d:99:c9:8d:c7:6e trailing comment (ED25519)
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
256 MD5:77:b2:8e:8a:2f:ee:fd:c8:b3:ef:18:b5:16:68:08:82 |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
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
256 MD5:5b:e0:9b:05:d0:37:b1:d1:cf:36:fe:dc:39:aa:d9:5b host6 (ED25519)
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
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 host7 (ED25519)
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
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 host8 (ED25519)
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
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d host9,!bad* (ED25519)
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
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 host10 (ED25519)
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
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 last (ED25519)
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
@@ B
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex host1,host1.example.com,192.0.2.1 (ED25519)
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx [host2]:2222 (ED25519)
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux trailing comment (ED25519)
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex host6 (ED25519)
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox host7 (ED25519)
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax host8 (ED25519)
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx host9,!bad* (ED25519)
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix host10 (ED25519)
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux last (ED25519)
@@ Bv
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex host1,host1.example.com,192.0.2.1 (ED25519)
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
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx [host2]:2222 (ED25519)
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
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux trailing comment (ED25519)
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
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
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
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex host6 (ED25519)
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
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox host7 (ED25519)
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
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax host8 (ED25519)
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
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx host9,!bad* (ED25519)
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
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix host10 (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux last (ED25519)
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
@@ Bvm
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex host1,host1.example.com,192.0.2.1 (ED25519)
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
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx [host2]:2222 (ED25519)
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
256 xomik-kilyr-racib-huhyk-cigyl-cutud-modeg-fycyd-tudyh-lamoh-zyxux trailing comment (ED25519)
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
256 xohov-bucul-hegat-vahaz-sycic-socis-diryh-zafok-nifas-katis-cuxex |1|EXqVGMopjW7UDiM/4gv4r/BHoMs=|O//AOHQXd21300TY/ouc9cmXVJE= (ED25519)
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
256 xumob-sepyp-hyveb-fimif-geker-sipyc-mabas-morer-papan-bunem-pixex host6 (ED25519)
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
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox host7 (ED25519)
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
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax host8 (ED25519)
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
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx host9,!bad* (ED25519)
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
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix host10 (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux last (ED25519)
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
