package io.findoc.batch.analyzer.structured;

/**
 * Bank statements in the standard formats, written out: a camt.053.001.08 and an MT940 of the same
 * month: opening 1,000.00 EUR, a credit of 250.00 from ACME on 3 November, a direct debit of 100.50
 * to the utility on 5 November, closing 1,149.50.
 */
final class Statements {

  private Statements() {}

  /** The camt.053 with the closing balance {@code closing} (1149.50 adds up). */
  static String camt053(String closing) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-2026-11</Id>
              <CreDtTm>2026-12-01T06:00:00</CreDtTm>
              <FrToDt><FrDtTm>2026-11-01T00:00:00</FrDtTm><ToDtTm>2026-11-30T23:59:59</ToDtTm></FrToDt>
              <Acct>
                <Id><IBAN>DE89370400440532013000</IBAN></Id>
                <Ccy>EUR</Ccy>
                <Ownr><Nm>Erika Mustermann</Nm></Ownr>
              </Acct>
              <Bal>
                <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-11-01</Dt></Dt>
              </Bal>
              <Bal>
                <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-11-30</Dt></Dt>
              </Bal>
              <Ntry>
                <Amt Ccy="EUR">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-11-03</Dt></BookgDt>
                <ValDt><Dt>2026-11-03</Dt></ValDt>
                <AcctSvcrRef>BANKREF-1</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <Refs><EndToEndId>INV-4711</EndToEndId></Refs>
                  <RltdPties><Dbtr><Pty><Nm>ACME GmbH</Nm></Pty></Dbtr></RltdPties>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">100.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-11-05</Dt></BookgDt>
                <AcctSvcrRef>BANKREF-2</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                  <RltdPties><Cdtr><Nm>Stadtwerke</Nm></Cdtr></RltdPties>
                </TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
        .formatted(closing);
  }

  /** The MT940 with the closing balance field {@code closing} (C261130EUR1149,50 adds up). */
  static String mt940(String closing) {
    return """
        :20:STMT202611
        :25:DE89370400440532013000
        :28C:00011/001
        :60F:C261101EUR1000,00
        :61:2611031103C250,00NTRFINV4711//BANKREF1
        :86:166?00GUTSCHRIFT?20RECHNUNG 4711?32ACME GMBH
        :61:2611051105D100,50NDDTNONREF//BANKREF2
        :86:105?00LASTSCHRIFT?20STROM NOVEMBER?32STADTWERKE
        :62F:%s
        -
        """
        .formatted(closing);
  }
}
