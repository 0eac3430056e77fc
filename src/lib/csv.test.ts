import { describe, expect, it } from "vitest";
import { csvCell, csvRow, unguardCell } from "./csv";

describe("CSV cells", () => {
  it("quote separators, quotes and line breaks", () => {
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvRow(["a", 1, null, new Date("2026-01-02T03:04:05Z")])).toBe("a,1,,2026-01-02T03:04:05.000Z\r\n");
  });

  it("defuse formulas in text but keep negative numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-15)).toBe("-15");
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("+SUM(A1:A2)")).toBe("'+SUM(A1:A2)");
  });

  it("leave phone numbers and negative numbers written as text as they are (they import back unchanged)", () => {
    expect(csvCell("+39 02 1234 5678")).toBe("+39 02 1234 5678");
    expect(csvCell("+1 (415) 555-0100")).toBe("+1 (415) 555-0100");
    expect(csvCell("-40")).toBe("-40");
    expect(csvCell("-12.5")).toBe("-12.5");
  });

  it("take the guard off again when a file comes back in", () => {
    for (const text of ["=Cold Chain", "@home", "+SUM(A1)", "-2+3", "plain", "'quoted'"]) {
      const cell = csvCell(text);
      expect(unguardCell(cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell)).toBe(text);
    }
  });
});
