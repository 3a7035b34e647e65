// Italian phrases (MSG-8 opt-out, MSG-9 marketing, MSG-10 review manipulation, MSG-11 off-platform).
import { lexicon } from './lexicon.ts';

const REVIEW = '(?:recension[ei]|feedback|valutazion[ei]|stelle|giudizi[oi]?|voto)';
const INCENTIVE =
  '(?:rimbors[oi]|rimborsiamo|rimborseremo|buon[oi] (?:regalo|sconto|amazon)|gift ?card|prodott[oi] (?:gratuit[oi]|in omaggio|gratis)|omaggi[oa]?|regal[oi]|sconto|scont[oi]|coupon|cashback|compens[oa]|premio|gratis|€ ?\\d+|\\d+ ?euro)';

export const it = lexicon({
  review_manipulation: [
    `\\b(?:recension[ei]|feedback|valutazion[ei]|giudizi[oi]?|voti?) (?:molto |davvero )?(?:positiv[oaie]|ottim[oaie]|eccellent[ei]|favorevol[ei]|buon[oaie]|alt[oaie]|massim[oaie]|a (?:5|cinque) stelle|al massimo)`,
    `\\b(?:buon[oaie]?|bell[oaie]|ottim[oaie]|positiv[oaie]) ${REVIEW}`,
    '\\b(?:5|cinque) stelle\\b',
    '★{3,}|☆{3,}',
    `\\bse (?:sei|siete|è|foste|fossi|fosse|è stat[oa]|siete stati|sei stat[oa]|rimarrà|resterà) (?:\\w+ )?(?:soddisfatt[oaie]|content[oaie]|felic[ei])\\b.{0,80}?${REVIEW}`,
    `\\b(?:clienti|acquirenti) soddisfatt[ie]\\b.{0,60}?${REVIEW}`,
    '\\bse non (?:sei|siete|è|foste|fossi) (?:\\w+ )?(?:soddisfatt[oaie]|content[oaie])\\b.{0,80}?(?:contattaci|contattateci|scrivici|scriveteci|prima di (?:lasciare|scrivere))',
    `\\bprima di (?:lasciare|scrivere|pubblicare) (?:una |un )?(?:${REVIEW} )?(?:negativ[oa]|cattiv[oa]|bass[oa])`,
    `\\b(?:rimuover\\w*|rimuov[ie]|rimuovete|cancellar\\w*|cancell[ai]|cancellate|eliminar\\w*|elimin[ai]|eliminate|modificar\\w*|modific[ai]|modificate|aggiornar\\w*|aggiorn[ai]|aggiornate|cambiar\\w*|cambi[ai]|ritirar\\w*|ritir[ai]) (?:la |il |le |i |l')?(?:sua |tua |tuo |tue |tuoi |vostra |vostro |sue |suoi )?(?:${REVIEW})`,
    `\\bin cambio (?:di|della|del|dello|di una|di un) (?:una |un )?(?:\\w+ )?${REVIEW}`,
    `\\b${INCENTIVE}\\b.{0,80}?\\b(?:per|dopo|se|quando|in cambio d\\w*) (?:\\w+ ){0,4}${REVIEW}`,
    `\\b${REVIEW}\\b.{0,60}?\\b(?:riceverai|riceverà|riceverete|otterrai|otterrà|otterrete|avrai|avrà|avrete|(?:ti|vi|le|gli) (?:invieremo|daremo|regaleremo|rimborseremo|offriremo|spediremo))(?![a-z]).{0,40}?${INCENTIVE}`,
  ],
  marketing: [
    '\\b(?:codice|buono) (?:sconto|promozionale|promo|coupon)\\b',
    '\\bcodice\\b.{0,20}\\bper (?:uno sconto|il prossimo)',
    '\\b\\d{1,2} ?% (?:di sconto|sconto|off)\\b',
    '\\bsconto del \\d',
    '\\b(?:ecco|ti (?:offriamo|regaliamo|inviamo)|vi (?:offriamo|regaliamo|inviamo)|ricevi|ottieni|approfitta d\\w*) (?:un |uno |una |il |lo |la )?(?:\\w+ )?(?:coupon|sconto|buono|omaggio|regalo)\\b',
    '\\b(?:sul|per il|al) (?:tuo |vostro |suo )?prossimo (?:acquisto|ordine)\\b',
    '\\bsaldi\\b',
    '\\bofferta (?:esclusiva|speciale|limitata|lampo)\\b',
    '\\bofferte (?:esclusive|speciali|limitate|lampo)\\b',
    '\\bnuov[aoie] (?:prodott[oi]|arriv[oi]|collezion[ei]|modell[oi]) (?:disponibil[ei]|nel (?:nostro|mio) negozio|appena arrivat[ie])',
    "\\b(?:visita|visiti|visitate|visitare|scopri|scopra|scoprite|guarda|guardi|guardate|dia un'?occhiata a|dai un'?occhiata a|date un'?occhiata a) (?:il |i |la |le |gli )?(?:nostr[oaie]|mi[oaie]) (?:altr[ie] |nuov[ie] )?(?:sito|negozio|shop|store|catalogo|prodotti|articoli|offerte|collezione|pagina)",
    '\\bseguici\\b',
    '\\biscriviti\\b(?! (?:al servizio))',
    '\\bnewsletter\\b',
    '\\b(?:acquista|compra|ordina) (?:ora|subito|di nuovo|ancora)\\b',
    '\\bper un tempo limitato\\b|\\bsolo per oggi\\b',
    '\\b(?:potrebbe(?:ro)? (?:piacerti|interessarti|piacerle|interessarle)|ti consigliamo (?:anche )?(?:i |gli )?(?:nostri )?(?:altri )?prodotti)\\b',
  ],
  opt_out_link: [
    "\\bannull\\w* (?:l'|la )?iscrizione\\b",
    '\\bdisiscriv\\w*',
    '\\bcancellar\\w* (?:dalla|dalle) (?:lista|newsletter|comunicazioni)',
    '\\b(?:non ricevere|smettere di ricevere|interrompere la ricezione d\\w*) (?:più )?(?:questi |queste |i nostri |le nostre )?(?:messaggi|email|e-mail|comunicazioni)\\b',
  ],
  off_platform: [
    '\\b(?:trattativa|vendita|acquisto|pagamento|accordo) (?:privat[oa]|dirett[oa])\\b',
    '\\bbonifico\\b',
    '\\bricarica (?:postepay|paypal)\\b|\\bpostepay\\b',
    '\\b(?:paypal|western union|moneygram|satispay|revolut)\\b',
    '\\bfuori (?:da|dalla|dal) (?:mercato|amazon|piattaforma|sito|marketplace)\\b',
    "\\b(?:contattami|contattaci|chiamami|chiamaci|scrivimi|scrivici|telefonami|telefonaci|mandami|mandaci|inviami) (?:direttamente |pure )?(?:su|al|a|sul|all'|via|tramite|per)\\b(?! (?:mercato|amazon|questa|questo|messaggi))",
    '\\b(?:il mio|il nostro) (?:numero|cellulare|telefono|indirizzo (?:e-?mail|di posta))\\b',
    '\\b(?:la mia|la nostra) (?:e-?mail|mail|email personale|posta)\\b',
    '\\bnumero (?:di telefono|di cellulare|whatsapp)\\b',
  ],
  messenger_handle: [
    '\\b(?:whats ?app|telegram|wechat|viber|skype|discord|snapchat|instagram|facebook|messenger|tiktok)\\b',
    '\\bcodice QR\\b|\\bQR ?code\\b',
    '\\b(?:aggiungimi|aggiungici|seguimi|seguici) (?:su|a) @?[A-Za-z]',
  ],
});
