using AttackMap.Mapping;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

public sealed class MappingTableWriterTests
{
    [Fact]
    public void Write_BuiltInPack_ListsEveryRuleWithKeysAndLinks()
    {
        var text = MappingTableWriter.Write(RulePack.BuiltIn);

        text.Should().StartWith("# Built-in mapping table\n");
        text.Should().Contain("| `activity.role-assignment-write` | `Microsoft.Authorization/roleAssignments/write` | [T1098.003](https://attack.mitre.org/techniques/T1098/003/) | CorrelationContext |");
        text.Should().Contain("`Update application \u2013 Certificates and secrets management` (with trailing space)");
        text.Should().Contain("clientAppUsed: `IMAP4`");
        foreach (var rule in RulePack.BuiltIn.Rules)
        {
            text.Should().Contain("| `" + rule.Id + "` |");
        }
    }

    [Fact]
    public void MappingTableDoc_IsUpToDate()
    {
        var root = SharedData.RepositoryRoot() ?? throw new InvalidOperationException("AttackMap.Core.sln not found above " + AppContext.BaseDirectory);
        var path = Path.Combine(root, "docs", "mapping-table.md");
        var expected = MappingTableWriter.Write(RulePack.BuiltIn);

        if (Environment.GetEnvironmentVariable("ATTACKMAP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        File.Exists(path).Should().BeTrue("docs/mapping-table.md is generated; run ATTACKMAP_UPDATE_DOCS=1 dotnet test --filter MappingTableWriterTests");
        File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be(expected,
            "docs/mapping-table.md must match the built-in pack; regenerate it with ATTACKMAP_UPDATE_DOCS=1 dotnet test --filter MappingTableWriterTests");
    }
}
