@@ l
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 crlf (ED25519)
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY  (ED25519)
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ zero (ED25519)
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k big (ED25519)
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w with (ED25519)
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI ecdsa-comment (ED25519)
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg "quoted host" (ED25519)
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw a longer trailing comment (ED25519)
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g a longer trailing comment (ED25519)
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs a longer trailing comment (ED25519)
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk last (ED25519)
@@ lv
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 crlf (ED25519)
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
256 SHA256:qVr8c2fAu1gMKeWbID1en9YQuSE9qUUfnbqab8TccKY  (ED25519)
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
256 SHA256:bXkl2jvdrE4HfLk6EA3sh6EqrlEuS/HTKUySVS5HVwQ zero (ED25519)
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
256 SHA256:iEOLSQMXLs0XwcN3AM4UClEOd4/S4qc6CKr3eDPqf1k big (ED25519)
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
256 SHA256:5gpbAg+gnvkV6SExPYD1g0unOs8frLXn85y/4PuKa7w with (ED25519)
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
256 SHA256:+iZBf6i3b1zcWhjrrcBPidLXCZBLBKN4AgPDZNYahCI ecdsa-comment (ED25519)
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
256 SHA256:nmaPBpPrjtz+MDMIdJ2HqGECBpQzD0Lg1AVfZ9Vkxi4 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
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
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
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
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
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
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg "quoted host" (ED25519)
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
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw a longer trailing comment (ED25519)
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
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g a longer trailing comment (ED25519)
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
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs a longer trailing comment (ED25519)
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
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk last (ED25519)
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
@@ lm
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 crlf (ED25519)
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e  (ED25519)
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 zero (ED25519)
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 big (ED25519)
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 with (ED25519)
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d ecdsa-comment (ED25519)
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d "quoted host" (ED25519)
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a a longer trailing comment (ED25519)
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c a longer trailing comment (ED25519)
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf a longer trailing comment (ED25519)
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 last (ED25519)
@@ lvm
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 crlf (ED25519)
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
256 MD5:4e:30:2e:19:59:47:06:e7:0e:f6:01:cc:17:ce:38:1e  (ED25519)
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
256 MD5:8c:fc:4c:ab:b7:b4:7d:86:6c:7c:e9:d6:21:a2:8e:84 zero (ED25519)
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
256 MD5:8d:85:36:89:5c:76:85:f4:77:0c:1b:c6:2c:81:a7:21 big (ED25519)
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
256 MD5:65:e6:49:14:d8:8f:f5:ed:78:45:d7:24:ba:93:17:45 with (ED25519)
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
256 MD5:d8:cb:a8:41:73:fe:cc:c0:36:6a:cd:9d:56:df:95:2d ecdsa-comment (ED25519)
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
256 MD5:03:30:d6:00:1f:f0:18:41:d4:12:b7:59:37:db:10:f6 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
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
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
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
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
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
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d "quoted host" (ED25519)
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
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a a longer trailing comment (ED25519)
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
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c a longer trailing comment (ED25519)
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
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf a longer trailing comment (ED25519)
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
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 last (ED25519)
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
@@ B
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex crlf (ED25519)
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx  (ED25519)
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox zero (ED25519)
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox big (ED25519)
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax with (ED25519)
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx ecdsa-comment (ED25519)
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax "quoted host" (ED25519)
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix a longer trailing comment (ED25519)
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a longer trailing comment (ED25519)
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a longer trailing comment (ED25519)
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx last (ED25519)
@@ Bv
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex crlf (ED25519)
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
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx  (ED25519)
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
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox zero (ED25519)
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
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox big (ED25519)
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
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax with (ED25519)
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
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx ecdsa-comment (ED25519)
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
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
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
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
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
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax "quoted host" (ED25519)
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
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix a longer trailing comment (ED25519)
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
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a longer trailing comment (ED25519)
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
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a longer trailing comment (ED25519)
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
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx last (ED25519)
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
@@ Bvm
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex crlf (ED25519)
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
256 xonip-falyr-canyd-nebym-tuzas-noput-vomos-bagag-disif-cafad-moxyx  (ED25519)
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
256 xepon-dycub-visuh-vetih-tutip-zedud-rabyh-dykav-fyraf-pyzet-moxox zero (ED25519)
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
256 xirag-syril-lohel-hahoh-dabun-fatem-visar-vaheb-kehoc-rihun-baxox big (ED25519)
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
256 xiveb-sehir-sebeg-derum-gigul-bimuf-vicop-devoh-hodis-nybym-tuxax with (ED25519)
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
256 xisil-gepum-peloc-sanis-synyf-muceb-lofyf-nehab-bumib-zipok-rexyx ecdsa-comment (ED25519)
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
256 xolip-tosed-syzyh-pycut-dafob-sidyc-paryf-vymif-fazaz-dazim-paxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDPWrmqC4ziqKEK/MW3enujZdF9WJ75ctiFwo2eApLE9 (ED25519)
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
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEV4vmKInGoT2q7Ptsqfhyf5/VkSJnuTN9JCVtur7/gS (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux 	 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQNyJEUo7IGm9FX3g9gqwNSvpq1JGDbtHuvPaHnbnH6 (ED25519)
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
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax "quoted host" (ED25519)
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
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix a longer trailing comment (ED25519)
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
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a longer trailing comment (ED25519)
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
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a longer trailing comment (ED25519)
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
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx last (ED25519)
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
