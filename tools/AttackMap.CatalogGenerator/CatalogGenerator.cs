using System.Text;
using System.Text.RegularExpressions;
using AttackMap.Attack;

namespace AttackMap.CatalogGenerator;

/// <summary>
/// Builds the embedded catalog files from the reference data folder: one extracted catalog per official STIX bundle
/// (<c>enterprise-attack-&lt;version&gt;.json</c>, read with <see cref="AttackCatalog.Load(string)"/>) and one derived
/// catalog per <c>techniques-&lt;version&gt;-derived.tsv</c>, plus the MITRE notice file.
/// </summary>
public static class CatalogGenerator
{
    private static readonly Regex BundleName = new(@"^enterprise-attack-(\d+\.\d+)\.json$", RegexOptions.CultureInvariant);
    private static readonly Regex DerivedName = new(@"^techniques-(\d+\.\d+)-derived\.tsv$", RegexOptions.CultureInvariant);

    /// <summary>Generates every catalog and the notice into <paramref name="outputDirectory"/>.</summary>
    /// <param name="dataDirectory">The folder holding MITRE's data (default <c>../shared/data/attack</c>).</param>
    /// <param name="outputDirectory">The folder to write to (<c>src/AttackMap.Core/Attack/Catalogs</c>).</param>
    /// <returns>The files written, with their contents.</returns>
    public static IReadOnlyList<(string Path, string Content)> GenerateAll(string dataDirectory, string outputDirectory)
    {
        var outputs = Generate(dataDirectory)
            .Select(o => (Path.Combine(outputDirectory, o.FileName), o.Content))
            .ToArray();
        Directory.CreateDirectory(outputDirectory);
        foreach (var (path, content) in outputs)
        {
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        return outputs;
    }

    /// <summary>Generates every output in memory, ordered by file name (the testable core of the generator).</summary>
    /// <param name="dataDirectory">The folder holding MITRE's data.</param>
    /// <returns>File names and contents.</returns>
    public static IReadOnlyList<(string FileName, string Content)> Generate(string dataDirectory)
    {
        var licensePath = Path.Combine(dataDirectory, "LICENSE-ATTACK.txt");
        var license = File.ReadAllText(licensePath);
        var copyright = MitreNotice.CopyrightDesignation(license);
        var outputs = new List<(string, string)> { (CatalogJsonWriter.NoticeFile, MitreNotice.Build(license)) };

        foreach (var file in Directory.GetFiles(dataDirectory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (BundleName.Match(file!) is { Success: true } bundle)
            {
                outputs.Add(($"enterprise-attack-{bundle.Groups[1].Value}.json", FromBundle(Path.Combine(dataDirectory, file!), copyright)));
            }
            else if (DerivedName.Match(file!) is { Success: true } derived)
            {
                outputs.Add(($"enterprise-attack-{derived.Groups[1].Value}.json", DerivedCatalogBuilder.Build(dataDirectory, derived.Groups[1].Value, copyright)));
            }
        }

        return outputs.OrderBy(o => o.Item1, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds the extracted catalog file of an official STIX bundle.</summary>
    /// <param name="bundlePath">The bundle (<c>enterprise-attack-18.1.json</c>).</param>
    /// <param name="copyright">MITRE's copyright designation.</param>
    /// <returns>The catalog JSON.</returns>
    public static string FromBundle(string bundlePath, string copyright)
    {
        var catalog = AttackCatalog.Load(bundlePath);
        var header = new CatalogHeader
        {
            Version = catalog.Version,
            Derived = false,
            Sources = new[] { Path.GetFileName(bundlePath) + " (MITRE ATT&CK Enterprise STIX bundle)" },
            Description = catalog.Provenance + " Extracted with AttackCatalog.Load; nothing derived or filled in. " + string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "logSources: the Azure and Entra ID log sources its analytics name ({0} references on {1} techniques).",
                catalog.GetTechniques(includeRevokedAndDeprecated: true).Sum(t => t.AzureLogSources.Count),
                catalog.GetTechniques(includeRevokedAndDeprecated: true).Count(t => t.AzureLogSources.Count > 0)),
            Copyright = copyright,
        };
        return CatalogJsonWriter.Write(header, catalog);
    }
}
