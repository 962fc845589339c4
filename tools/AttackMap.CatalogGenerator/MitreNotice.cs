using System.Text;

namespace AttackMap.CatalogGenerator;

/// <summary>Builds NOTICE-ATTACK.txt from MITRE's licence file: MITRE's copyright designation and the ATT&amp;CK licence.</summary>
public static class MitreNotice
{
    /// <summary>Returns MITRE's copyright designation (the quoted <c>© ... The MITRE Corporation ...</c> line of the licence).</summary>
    /// <param name="license">The text of MITRE's LICENSE file.</param>
    /// <returns>The designation, without quotes.</returns>
    public static string CopyrightDesignation(string license)
    {
        var line = license.Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.Contains('©') && l.Contains("The MITRE Corporation", StringComparison.Ordinal))
            ?? throw new InvalidDataException("MITRE's licence file has no copyright designation line.");
        return line.Trim('"', '\u201C', '\u201D');
    }

    /// <summary>Builds the notice: what it covers, then the ATT&amp;CK part of MITRE's licence, unchanged.</summary>
    /// <param name="license">The text of MITRE's LICENSE file (ATT&amp;CK and CAPEC parts).</param>
    /// <returns>The notice text.</returns>
    public static string Build(string license)
    {
        var lines = license.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var capec = Array.FindIndex(lines, l => l.StartsWith("CAPEC", StringComparison.Ordinal));
        var attackPart = string.Join("\n", capec > 0 ? lines.Take(capec) : lines).TrimEnd();

        var text = new StringBuilder();
        text.Append("MITRE ATT&CK data in AttackMap.Core\n");
        text.Append("===================================\n\n");
        text.Append("The catalogs in this folder (enterprise-attack-*.json), embedded in the AttackMap.Core assembly, contain\n");
        text.Append("data from MITRE ATT&CK(R). That data is not covered by AttackMap.Core's own licence; The MITRE Corporation\n");
        text.Append("licenses it under the terms below, which require this copyright designation and licence in every copy.\n");
        text.Append("Catalogs marked \"derived\": true were built from MITRE's published change notes rather than from MITRE's\n");
        text.Append("STIX bundle. MITRE ATT&CK and ATT&CK are registered trademarks of The MITRE Corporation.\n\n");
        text.Append(CopyrightDesignation(license)).Append("\n\n");
        text.Append(attackPart).Append('\n');
        return text.ToString();
    }
}
