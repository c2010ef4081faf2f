//! Codes that may stand for a state in an MRZ: ISO 3166-1 alpha-3 (here with its alpha-2
//! twin, which airports and visa rules use), and the codes ICAO Doc 9303 part 3 adds
//! (Germany's `D`, British nationals' `GBD`…, the UN's `UNO`/`UNA`/`UNK`, stateless and refugee
//! codes `XXA`–`XXX`, and `UTO`, the fictional state of the specimens).

/// ISO 3166-1 `alpha-3:alpha-2`, from Debian's iso-codes.
const ISO: &str = "ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS ATA:AQ ATF:TF \
ATG:AG AUS:AU AUT:AT AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF BGD:BD BGR:BG BHR:BH BHS:BS \
BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO BRA:BR BRB:BB BRN:BN BTN:BT BVT:BV BWA:BW CAF:CF \
CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN CIV:CI CMR:CM COD:CD COG:CG COK:CK COL:CO COM:KM CPV:CV \
CRI:CR CUB:CU CUW:CW CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ \
ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO FSM:FM \
GAB:GA GBR:GB GEO:GE GGY:GG GHA:GH GIB:GI GIN:GN GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD \
GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY HKG:HK HMD:HM HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM \
IND:IN IOT:IO IRL:IE IRN:IR IRQ:IQ ISL:IS ISR:IL ITA:IT JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ \
KEN:KE KGZ:KG KHM:KH KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY LCA:LC LIE:LI \
LKA:LK LSO:LS LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX \
MHL:MH MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS MTQ:MQ MUS:MU \
MWI:MW MYS:MY MYT:YT NAM:NA NCL:NC NER:NE NFK:NF NGA:NG NIC:NI NIU:NU NLD:NL NOR:NO NPL:NP \
NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE PHL:PH PLW:PW PNG:PG POL:PL PRI:PR PRK:KP \
PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA SDN:SD SEN:SN SGP:SG \
SGS:GS SHN:SH SJM:SJ SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR \
SVK:SK SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ TKL:TK \
TKM:TM TLS:TL TON:TO TTO:TT TUN:TN TUR:TR TUV:TV TWN:TW TZA:TZ UGA:UG UKR:UA UMI:UM URY:UY \
USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG VIR:VI VNM:VN VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA \
ZMB:ZM ZWE:ZW";

/// ICAO codes beyond ISO, with the country they belong to where there is one.
const ICAO_SPECIAL: &str = "D:DE GBD:GB GBN:GB GBO:GB GBP:GB GBS:GB UNO: UNA: UNK: XBA: XIM: XCC: \
XCE: XCO: XEC: XES: XMP: XOM: XPO: XSC: XXA: XXB: XXC: XXX: EUE: RKS: UTO:";

fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    ISO.split_whitespace()
        .chain(ICAO_SPECIAL.split_whitespace())
        .filter_map(|p| p.split_once(':'))
}

/// Is this a code an MRZ may carry for a state (fillers removed)?
pub fn is_known_code(code: &str) -> bool {
    !code.is_empty() && pairs().any(|(c, _)| c == code)
}

/// The ISO alpha-2 country of an MRZ state code (`ARE` → `AE`, `D` → `DE`), if it has one.
pub fn alpha2(code: &str) -> Option<&'static str> {
    pairs()
        .find(|(c, _)| *c == code)
        .map(|(_, a2)| a2)
        .filter(|a2| !a2.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_icao_codes_are_known() {
        for code in [
            "PAK", "SWE", "ARE", "USA", "NGA", "D", "GBD", "UNO", "XXA", "UTO",
        ] {
            assert!(is_known_code(code), "{code}");
        }
        for code in ["", "DE", "GER", "XYZ", "<<<"] {
            assert!(!is_known_code(code), "{code}");
        }
        assert_eq!(ISO.split_whitespace().count(), 249);
        assert_eq!(alpha2("ARE"), Some("AE"));
        assert_eq!(alpha2("D"), Some("DE"));
        assert_eq!(alpha2("GBR"), Some("GB"));
        assert_eq!(alpha2("XXA"), None);
    }
}
