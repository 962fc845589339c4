using AttackMap.Sentinel;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Sentinel;

/// <summary>Where an imported rule comes from: <see cref="SentinelRule.SourceRelativePath"/>, <see cref="SentinelRule.SourceUrl"/> and the mapping rules' references.</summary>
public sealed class SentinelRuleOriginTests : IDisposable
{
    private const string Repository = "https://github.com/Azure/Azure-Sentinel/blob/master/";
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-sentinel-origin-").FullName;
    private readonly SentinelRuleImporter _importer = new();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void ImportFolder_FlatFolder_RelativePathIsTheFileNameAndNoUrl()
    {
        var result = _importer.ImportFolder(Fixtures);

        result.Rules.Select(r => (r.SourceRelativePath, r.SourceUrl)).Should().Equal(
            ("LegacyTechniques.yaml", (string?)null),
            ("Quirks.yaml", null),
            ("rest-export.json", null));
        result.Rules[0].SourceFile.Should().Be(Path.Combine(Fixtures, "LegacyTechniques.yaml"));
    }

    [Fact]
    public void ToMappingRules_AzureSentinelLayout_ReferencesRelativePathAndGitHubUrl()
    {
        Place("LegacyTechniques.yaml", "Detections/SigninLogs/LegacyTechniques.yaml");
        Place("Quirks.yaml", "Solutions/Contoso Lab (Preview)/Analytic Rules/Quirks.yaml");
        var rules = _importer.ImportFolder(_temp).Rules.Select(r => r with { Enabled = true }).ToArray();

        var mapping = SentinelCoverageRules.ToMappingRules(rules);

        mapping.Select(r => r.Id).Should().Equal(
            "sentinel:00000000-0000-4000-8000-0000000000a1",
            "sentinel:00000000-0000-4000-8000-0000000000a3:EntraAudit",
            "sentinel:00000000-0000-4000-8000-0000000000a3:AzureActivity");
        mapping[0].References.Should().Equal(
            "Detections/SigninLogs/LegacyTechniques.yaml",
            Repository + "Detections/SigninLogs/LegacyTechniques.yaml");
        mapping[0].Location.Should().Be("Detections/SigninLogs/LegacyTechniques.yaml line 1");
        mapping[1].References.Should().Equal(
            "Solutions/Contoso Lab (Preview)/Analytic Rules/Quirks.yaml",
            Repository + "Solutions/Contoso%20Lab%20%28Preview%29/Analytic%20Rules/Quirks.yaml");
        mapping[2].References.Should().Equal(mapping[1].References);
        mapping.SelectMany(r => r.References.Append(r.Location!)).Should().NotContain(t => t.Contains(_temp, StringComparison.Ordinal));
    }

    [Fact]
    public void ImportFolder_SubfolderOfTheLayout_PathIsRelativeToItButTheUrlIsWhole()
    {
        MakeCheckout();
        Place("Quirks.yaml", "Solutions/Contoso Lab/Analytic Rules/Identity/Quirks.yaml");

        var rule = _importer.ImportFolder(Path.Combine(_temp, "Solutions", "Contoso Lab")).Rules.Single();

        rule.SourceRelativePath.Should().Be("Analytic Rules/Identity/Quirks.yaml");
        rule.SourceUrl.Should().Be(Repository + "Solutions/Contoso%20Lab/Analytic%20Rules/Identity/Quirks.yaml");
    }

    [Theory]
    [InlineData("Solutions/Contoso Lab/Workbooks/Quirks.yaml")]
    [InlineData("Detections/Quirks.yaml")]
    [InlineData("Detections/SigninLogs/Nested/Quirks.yaml")]
    [InlineData("lab/Quirks.yaml")]
    public void ImportFolder_OutsideTheRepositoryLayout_HasNoUrl(string relativePath)
    {
        Place("Quirks.yaml", relativePath);

        var rule = _importer.ImportFolder(_temp).Rules.Single();

        rule.SourceRelativePath.Should().Be(relativePath);
        rule.SourceUrl.Should().BeNull();
    }

    [Fact]
    public void ImportFolder_FolderWithTrailingSeparator_SameRelativePath()
    {
        Place("Quirks.yaml", "lab/Quirks.yaml");

        var rule = _importer.ImportFolder(_temp + Path.DirectorySeparatorChar).Rules.Single();

        rule.SourceRelativePath.Should().Be("lab/Quirks.yaml");
    }

    [Fact]
    public void ImportFolder_ArmExportInAnalyticRulesFolder_HasNoUrl()
    {
        Place("rest-export.json", "Solutions/Contoso Lab/Analytic Rules/rest-export.json");

        var rule = _importer.ImportFolder(_temp).Rules.Single();

        rule.SourceRelativePath.Should().Be("Solutions/Contoso Lab/Analytic Rules/rest-export.json");
        rule.SourceUrl.Should().BeNull();
    }

    [Fact]
    public void ImportFile_FileInTheLayout_RelativePathIsTheFileNameAndUrlIsKept()
    {
        MakeCheckout();
        var path = Place("LegacyTechniques.yaml", "Detections/SigninLogs/LegacyTechniques.yaml");

        var rule = _importer.ImportFile(path).Rules.Single();

        rule.SourceRelativePath.Should().Be("LegacyTechniques.yaml");
        rule.SourceUrl.Should().Be(Repository + "Detections/SigninLogs/LegacyTechniques.yaml");
        SentinelCoverageRules.ToMappingRules(new[] { rule })[0].References.Should().Equal("LegacyTechniques.yaml", rule.SourceUrl);
    }

    [Fact]
    public void Import_StreamNamedWithRepositoryPath_UsesTheNameAndItsUrl()
    {
        using var stream = File.OpenRead(Path.Combine(Fixtures, "LegacyTechniques.yaml"));

        var rule = _importer.Import(stream, "Detections/SigninLogs/LegacyTechniques.yaml").Rules.Single();

        rule.SourceRelativePath.Should().BeNull();
        rule.SourceUrl.Should().Be(Repository + "Detections/SigninLogs/LegacyTechniques.yaml");
        var mapping = SentinelCoverageRules.ToMappingRules(new[] { rule })[0];
        mapping.References.Should().Equal("Detections/SigninLogs/LegacyTechniques.yaml", rule.SourceUrl);
        mapping.Location.Should().Be("Detections/SigninLogs/LegacyTechniques.yaml line 1");
    }

    [Fact]
    public void ToMappingRules_ArmRuleInSubfolder_LocationHasRelativePathAndPlaceInFile()
    {
        Place("rest-export.json", "exports/rest-export.json");
        var rule = _importer.ImportFolder(_temp).Rules.Single() with { Enabled = true };

        var mapping = SentinelCoverageRules.ToMappingRules(new[] { rule });

        mapping.Should().NotBeEmpty();
        mapping.Should().OnlyContain(r => r.Location == "exports/rest-export.json value[0]" && r.References.SequenceEqual(new[] { "exports/rest-export.json" }));
    }

    [Fact]
    public void ImportFolder_OwnDetectionsFolderOutsideACheckout_HasNoUrl()
    {
        var path = Place("LegacyTechniques.yaml", "corp/Detections/Custom/our-rule.yaml");

        var fromFolder = _importer.ImportFolder(Path.Combine(_temp, "corp")).Rules.Single();
        var fromSubfolder = _importer.ImportFolder(Path.Combine(_temp, "corp", "Detections")).Rules.Single();
        var fromFile = _importer.ImportFile(path).Rules.Single();

        fromFolder.SourceRelativePath.Should().Be("Detections/Custom/our-rule.yaml");
        new[] { fromFolder.SourceUrl, fromSubfolder.SourceUrl, fromFile.SourceUrl }.Should().OnlyContain(u => u == null);
        SentinelCoverageRules.ToMappingRules(new[] { fromFolder with { Enabled = true } })[0].References
            .Should().Equal("Detections/Custom/our-rule.yaml");
    }

    [Fact]
    public void ImportFolder_OwnSolutionsFolderOutsideACheckout_HasNoUrl()
    {
        Place("Quirks.yaml", "corp/Solutions/Ours/Analytic Rules/Quirks.yaml");

        _importer.ImportFolder(_temp).Rules.Single().SourceUrl.Should().BeNull();
    }

    [Fact]
    public void ImportFolder_CheckoutRootOrSubfolder_BothGetTheUrl()
    {
        var checkout = Path.Combine("src", "Azure-Sentinel");
        Directory.CreateDirectory(Path.Combine(_temp, checkout, "Solutions"));
        Place("LegacyTechniques.yaml", Path.Combine(checkout, "Detections", "SigninLogs", "LegacyTechniques.yaml"));
        const string url = Repository + "Detections/SigninLogs/LegacyTechniques.yaml";

        _importer.ImportFolder(Path.Combine(_temp, checkout)).Rules.Single().SourceUrl.Should().Be(url);
        _importer.ImportFolder(Path.Combine(_temp, checkout, "Detections", "SigninLogs")).Rules.Single().SourceUrl.Should().Be(url);
        _importer.ImportFolder(_temp).Rules.Single().SourceUrl.Should().Be(url);
    }

    [Fact]
    public void ImportFolder_SparseCheckoutWhoseGitConfigNamesTheRepository_GetsTheUrl()
    {
        Place("Quirks.yaml", "sentinel/Solutions/Contoso Lab/Analytic Rules/Quirks.yaml");
        Directory.CreateDirectory(Path.Combine(_temp, "sentinel", ".git"));
        File.WriteAllText(Path.Combine(_temp, "sentinel", ".git", "config"), "[remote \"origin\"]\n\turl = https://github.com/Azure/Azure-Sentinel.git\n");

        _importer.ImportFolder(Path.Combine(_temp, "sentinel", "Solutions")).Rules.Single().SourceUrl
            .Should().Be(Repository + "Solutions/Contoso%20Lab/Analytic%20Rules/Quirks.yaml");
    }

    [Theory]
    [InlineData("/corp/Detections/Custom/our-rule.yaml")]
    [InlineData("corp/Detections/Custom/our-rule.yaml")]
    [InlineData("Detections/Custom/Nested/our-rule.yaml")]
    public void Import_StreamNameNotARepositoryPath_HasNoUrlAndKeepsTheName(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Fixtures, "LegacyTechniques.yaml"));

        var rule = _importer.Import(stream, name).Rules.Single();

        rule.SourceUrl.Should().BeNull();
        rule.SourceFile.Should().Be(name);
        SentinelCoverageRules.ToMappingRules(new[] { rule })[0].References.Should().Equal(name);
    }

    [Fact]
    public void ImportFolder_Errors_CarryThePathRelativeToTheFolder()
    {
        var broken = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel", "broken.yaml");
        Directory.CreateDirectory(Path.Combine(_temp, "team", "identity"));
        File.Copy(broken, Path.Combine(_temp, "team", "identity", "broken.yaml"));
        File.WriteAllText(Path.Combine(_temp, "team", "export.json"), """{ "value": [ { "name": "x", "kind": "Scheduled", "properties": { "displayName": "No query" } } ] }""");

        var errors = _importer.ImportFolder(Path.Combine(_temp, "team")).Errors;

        errors.Select(e => e.SourceRelativePath).Should().Equal("export.json", "identity/broken.yaml");
        errors[0].ToString().Should().Be("export.json value[0]: the Scheduled rule has no 'properties.query'");
        errors[1].ToString().Should().StartWith("identity/broken.yaml(7,2): invalid YAML:");
        errors.Select(e => e.ToString()).Should().NotContain(t => t.Contains(_temp, StringComparison.Ordinal));
        errors[1].File.Should().Be(Path.Combine(_temp, "team", "identity", "broken.yaml"));
    }

    [Fact]
    public void ImportFile_Error_CarriesTheFileName()
    {
        var error = _importer.ImportFile(Path.Combine(Fixtures, "broken.yaml")).Errors.Single();

        error.SourceRelativePath.Should().Be("broken.yaml");
        error.ToString().Should().StartWith("broken.yaml(7,2): ");
    }

    [Fact]
    public void Import_StreamError_HasNoRelativePathAndNamesTheLabel()
    {
        using var stream = File.OpenRead(Path.Combine(Fixtures, "broken.yaml"));

        var error = _importer.Import(stream, "label.yaml").Errors.Single();

        error.SourceRelativePath.Should().BeNull();
        error.ToString().Should().StartWith("label.yaml(7,2): ");
    }

    [SharedDataFact]
    public void ImportFolder_SharedRulesLaidOutAsInTheRepository_UrlsMatchTheirSourcePaths()
    {
        var sources = File.ReadAllLines(SharedData.PathOf("sentinel-rules/SOURCES.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c[1] == "Azure/Azure-Sentinel" && c[2].EndsWith(".yaml", StringComparison.Ordinal))
            .ToDictionary(c => c[2], c => c[0]);
        MakeCheckout();
        foreach (var (sourcePath, file) in sources)
        {
            var target = Path.Combine(_temp, sourcePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(SharedData.PathOf(Path.Combine("sentinel-rules", file)), target);
        }

        var result = _importer.ImportFolder(_temp);

        sources.Should().HaveCountGreaterThan(20);
        result.Errors.Should().BeEmpty();
        result.Rules.Should().HaveCount(sources.Count);
        result.Rules.Should().OnlyContain(r => sources.ContainsKey(r.SourceRelativePath!)
            && r.SourceUrl == Repository + string.Join("/", r.SourceRelativePath!.Split('/').Select(Uri.EscapeDataString)));
        result.Rules.Should().Contain(r => r.SourceUrl == Repository + "Solutions/Azure%20Activity/Analytic%20Rules/Granting_Permissions_To_Account_detection.yaml");
        SentinelCoverageRules.ToMappingRules(result.Rules)
            .Should().OnlyContain(r => r.References.Count == 2 && r.References[1].StartsWith(Repository, StringComparison.Ordinal)
                && !r.Location!.Contains(_temp, StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void ImportFolder_SharedFolder_RelativePathsHoldNoMachinePath()
    {
        var folder = SharedData.PathOf("sentinel-rules");

        var rules = _importer.ImportFolder(folder).Rules;

        rules.Where(r => r.Format == SentinelRuleFormat.ArmTemplate).Select(r => r.SourceRelativePath).Should().Equal(
            "arm/Creation of expensive computes in Azure.json", "arm/MFA disabled for a user.json");
        rules.Should().Contain(r => r.SourceRelativePath == "SigninPasswordSpray.yaml");
        SentinelCoverageRules.ToMappingRules(rules).SelectMany(r => r.References.Append(r.Location!))
            .Should().NotContain(t => t.Contains(folder, StringComparison.Ordinal));
    }

    /// <summary>Makes <see cref="_temp"/> look like an Azure-Sentinel checkout root: it holds both Solutions and Detections.</summary>
    private void MakeCheckout()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "Solutions"));
        Directory.CreateDirectory(Path.Combine(_temp, "Detections"));
    }

    private string Place(string fixture, string relativePath)
    {
        var target = Path.Combine(_temp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(Fixtures, fixture), target);
        return target;
    }
}
