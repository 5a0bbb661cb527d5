@@ l
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U plain comment (ED25519)
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU command="echo hi there",no-pty (ED25519)
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg quoted opts (ED25519)
256 SHA256:LsJfzH/GeaRMWRCHwvmjel3Gzc5BzheridZJe+FwWV0 from-comment (ED25519)
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw from-comment (ED25519)
256 SHA256:gel7kVfOoR9HOZIufb60Jv0YqMicl1zGREwEujuEhvs cert-authority,principals="a b" (ED25519)
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 a cert (ED25519-CERT)
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g a cert (ED25519)
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs a cert (ED25519)
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk no-agent-forwarding (ED25519)
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o ecdsa user (ED25519)
@@ lv
256 SHA256:lHlgW8vJfoYwbqHxbFTeQstKaN/uZncx1TJvkHAhO+U plain comment (ED25519)
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
256 SHA256:yTKLu2yBB2z3M+e7Il59yFQVH4Ji3H9DX6MIo3yipoU command="echo hi there",no-pty (ED25519)
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
256 SHA256:Jz8xspdNu1Qv2Ke9oB/bRtFHnKjnoQqeXid7GNlMtCg quoted opts (ED25519)
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
256 SHA256:LsJfzH/GeaRMWRCHwvmjel3Gzc5BzheridZJe+FwWV0 from-comment (ED25519)
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
256 SHA256:wcf0KZNihibmOdBPLv/lmJuZOkZdEgzG5wPXRdk2aUw from-comment (ED25519)
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
256 SHA256:gel7kVfOoR9HOZIufb60Jv0YqMicl1zGREwEujuEhvs cert-authority,principals="a b" (ED25519)
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
256 SHA256:ADk0H2iyOD1mjX+D4v2VYxBLpKrLk6N/IxtacZFaRM4 a cert (ED25519-CERT)
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
256 SHA256:+I00ATsAZ2fL89dcEmRX6HNc13qtm6Pw2+dtJFmCk6g a cert (ED25519)
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
256 SHA256:TxVqsBvAzDp5ftjk5QQbe+PTbil2VmjoVEYajVQ+OHs a cert (ED25519)
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
256 SHA256:pMK0tdhV90mltr7XkLl2GbFWFLUZaWUCI58SnvQGnGk no-agent-forwarding (ED25519)
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
256 SHA256:RyzbdS5R97RJnKjVkt5/YWMvlbSvpVVBSemRJCJoK6o ecdsa user (ED25519)
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
@@ lm
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e plain comment (ED25519)
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 command="echo hi there",no-pty (ED25519)
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d quoted opts (ED25519)
256 MD5:88:40:6d:f1:81:84:79:27:fc:55:5e:a1:d6:0c:ac:f6 from-comment (ED25519)
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a from-comment (ED25519)
256 MD5:fe:a4:c0:13:c9:3f:a5:64:85:2a:04:61:2a:86:4a:14 cert-authority,principals="a b" (ED25519)
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 a cert (ED25519-CERT)
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c a cert (ED25519)
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf a cert (ED25519)
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 no-agent-forwarding (ED25519)
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 ecdsa user (ED25519)
@@ lvm
256 MD5:f0:21:3e:6c:15:b1:cc:92:39:92:69:9c:06:1c:c4:0e plain comment (ED25519)
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
256 MD5:ed:f7:90:5f:4f:c1:68:df:e5:78:03:bb:e8:d7:dd:24 command="echo hi there",no-pty (ED25519)
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
256 MD5:fc:f8:d5:cc:cd:5a:0d:2f:1a:f9:b9:4b:8d:80:49:2d quoted opts (ED25519)
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
256 MD5:88:40:6d:f1:81:84:79:27:fc:55:5e:a1:d6:0c:ac:f6 from-comment (ED25519)
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
256 MD5:66:33:50:30:9d:90:93:06:c9:7e:5e:c0:af:e9:00:4a from-comment (ED25519)
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
256 MD5:fe:a4:c0:13:c9:3f:a5:64:85:2a:04:61:2a:86:4a:14 cert-authority,principals="a b" (ED25519)
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
256 MD5:86:52:68:c7:e7:55:76:ce:98:8f:c2:ee:1d:ec:21:23 a cert (ED25519-CERT)
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
256 MD5:45:3d:a6:fa:f0:75:eb:a7:85:dc:ab:ca:5f:70:60:6c a cert (ED25519)
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
256 MD5:08:77:19:a9:32:5f:bd:f3:8b:43:51:9c:76:a7:4a:cf a cert (ED25519)
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
256 MD5:25:b5:4e:0e:a4:98:51:70:bc:ad:b5:68:61:ac:d5:83 no-agent-forwarding (ED25519)
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
256 MD5:1a:ca:e3:93:08:78:2c:10:d9:c8:c4:d6:c9:f7:87:c0 ecdsa user (ED25519)
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
@@ B
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix plain comment (ED25519)
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux command="echo hi there",no-pty (ED25519)
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax quoted opts (ED25519)
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx from-comment (ED25519)
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix from-comment (ED25519)
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex cert-authority,principals="a b" (ED25519)
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex a cert (ED25519-CERT)
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a cert (ED25519)
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a cert (ED25519)
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx no-agent-forwarding (ED25519)
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix ecdsa user (ED25519)
@@ Bv
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix plain comment (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux command="echo hi there",no-pty (ED25519)
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
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax quoted opts (ED25519)
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
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx from-comment (ED25519)
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
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix from-comment (ED25519)
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
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex cert-authority,principals="a b" (ED25519)
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
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex a cert (ED25519-CERT)
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
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a cert (ED25519)
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
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a cert (ED25519)
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
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx no-agent-forwarding (ED25519)
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
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix ecdsa user (ED25519)
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
@@ Bvm
256 xetiz-kegud-besoz-vetof-lobaz-cyriz-zikek-cahez-hezeb-culib-kyxix plain comment (ED25519)
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
256 xifet-rores-zitud-sazyb-rifel-culal-dufyn-murim-sepav-lutut-kaxux command="echo hi there",no-pty (ED25519)
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
256 xuted-ragib-tigic-timuz-codit-cyhez-hufev-telol-tepoh-homoh-baxax quoted opts (ED25519)
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
256 xokol-hosoh-kagis-ducuv-pudek-puhek-pahiv-lezyt-bugop-venyd-rexyx from-comment (ED25519)
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
256 xetik-cegog-munyd-doven-muzaz-kefev-nefaz-somat-zahyf-bival-tixix from-comment (ED25519)
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
256 xivir-vazat-tupet-belyn-bubyv-cikul-ponyz-mycoc-socyc-makic-maxex cert-authority,principals="a b" (ED25519)
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
256 xetar-hynif-nutoc-gidez-tyras-donyt-nolen-cyvep-ropeb-gyfym-zoxex a cert (ED25519-CERT)
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
256 xicot-hubec-vuben-fagis-rohar-byked-muzyg-zydef-fehom-hucuc-zyxux a cert (ED25519)
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
256 xilec-kavin-locit-tovah-bykig-fosul-vaguv-somon-hisyn-hyfap-nexux a cert (ED25519)
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
256 xeren-bipec-nebeg-zelag-tigov-nepyt-zodib-zarap-bizec-tefyv-voxyx no-agent-forwarding (ED25519)
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
256 xekab-herac-noram-pikus-gapik-rybuh-bebad-debuk-suced-lutin-raxix ecdsa user (ED25519)
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
