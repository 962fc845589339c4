using AttackMap.Coverage;
using AttackMap.Signals;

namespace AttackMap.Tests.Coverage;

public sealed class LogSourceInventoryTests
{
    [Fact]
    public void AllEnabled_EveryFamilyAndTable_IsEnabled()
    {
        var inventory = LogSourceInventory.AllEnabled;

        LogSourceInventory.Families.Should().OnlyContain(f => inventory.IsEnabled(f));
        inventory.EnabledTables.Should().HaveCount(11);
        inventory.EnabledTables[0].Should().Be("SecurityAlert");
        inventory.IsTableEnabled("aadmanagedidentitysigninlogs").Should().BeTrue("table names are case-insensitive");
    }

    [Fact]
    public void GetTables_EntraSignIn_ListsTheFourSignInTablesPrimaryFirst()
    {
        LogSourceInventory.GetTables(LogFamily.EntraSignIn).Should().Equal(
            "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs");
        LogSourceInventory.GetTables(LogFamily.EntraRiskDetection).Should().Equal(
            "AADUserRiskEvents", "AADRiskyUsers", "AADServicePrincipalRiskEvents", "AADRiskyServicePrincipals");
    }

    [Fact]
    public void Without_Family_DisablesEveryTableOfIt()
    {
        var inventory = LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn);

        inventory.IsEnabled(LogFamily.EntraSignIn).Should().BeFalse();
        inventory.IsEnabled(LogFamily.EntraAudit).Should().BeTrue();
        inventory.GetMissingTables(LogFamily.EntraSignIn).Should().HaveCount(4);
        LogSourceInventory.AllEnabled.IsEnabled(LogFamily.EntraSignIn).Should().BeTrue("inventories are immutable");
    }

    [Fact]
    public void WithOnly_KeepsTheNamedFamilies()
    {
        var inventory = LogSourceInventory.AllEnabled.WithOnly(LogFamily.AzureActivity, LogFamily.EntraAudit);

        inventory.EnabledTables.Should().Equal("AuditLogs", "AzureActivity");
    }

    [Fact]
    public void WithoutTables_OneSignInTable_FamilyStaysEnabledAndNamesTheMissingTable()
    {
        var inventory = LogSourceInventory.AllEnabled.WithoutTables("AADServicePrincipalSignInLogs");

        inventory.IsEnabled(LogFamily.EntraSignIn).Should().BeTrue();
        inventory.GetMissingTables(LogFamily.EntraSignIn).Should().Equal("AADServicePrincipalSignInLogs");
        inventory.GetEnabledTables(LogFamily.EntraSignIn).Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs", "AADManagedIdentitySignInLogs");
    }

    [Fact]
    public void WithTables_UnknownTable_ThrowsNamingIt()
    {
        var act = () => LogSourceInventory.NoneEnabled.WithTables("SignInLog");

        act.Should().Throw<ArgumentException>().WithMessage("'SignInLog' is not a log table AttackMap reads. Known tables: SecurityAlert, SigninLogs*");
    }

    [Fact]
    public void With_Family_EnablesAllItsTables()
    {
        var inventory = LogSourceInventory.NoneEnabled.With(LogFamily.DefenderForCloud);

        inventory.EnabledTables.Should().Equal("SecurityAlert");
        inventory.ToString().Should().Be("enabled: SecurityAlert");
        LogSourceInventory.NoneEnabled.ToString().Should().Be("no log table enabled");
    }

    [Fact]
    public void Parse_EnabledList_EnablesExactlyThoseTables()
    {
        var inventory = LogSourceInventory.Parse("""{ "enabled": ["signinlogs", "AuditLogs"] }""");

        inventory.EnabledTables.Should().Equal("SigninLogs", "AuditLogs");
        inventory.IsEnabled(LogFamily.AzureActivity).Should().BeFalse();
    }

    [Fact]
    public void Parse_FamiliesObject_SwitchesFamiliesOffFromAllEnabled()
    {
        var inventory = LogSourceInventory.Parse("""{ "families": { "EntraSignIn": false } }""");

        inventory.IsEnabled(LogFamily.EntraSignIn).Should().BeFalse();
        inventory.EnabledTables.Should().HaveCount(7);
    }

    [Fact]
    public void Parse_DisabledList_RemovesTablesFromAllEnabled()
    {
        var inventory = LogSourceInventory.Parse("""{ "disabled": ["AADRiskyUsers"] }""");

        inventory.GetMissingTables(LogFamily.EntraRiskDetection).Should().Equal("AADRiskyUsers");
    }

    [Fact]
    public void Load_FixtureWithCommentsAndTrailingCommas_AppliesEnabledThenFamilies()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Coverage", "log-sources.json"));

        var inventory = LogSourceInventory.Load(stream);

        inventory.EnabledTables.Should().Equal("SecurityAlert", "SigninLogs", "AuditLogs", "AzureActivity");
        inventory.GetMissingTables(LogFamily.EntraSignIn).Should().Equal("AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs");
    }

    [Theory]
    [InlineData("""{ "enabled": ["SigninLog"] }""", "*'SigninLog'*not a log table*")]
    [InlineData("""{ "families": { "EntraSignins": false } }""", "*'EntraSignins'*not a log family*")]
    [InlineData("""{ "families": { "EntraSignIn": "no" } }""", "*'families.EntraSignIn' must be true or false*")]
    [InlineData("""{ "enable": ["SigninLogs"] }""", "*Unknown property 'enable'*")]
    [InlineData("""["SigninLogs"]""", "*must be a JSON object*")]
    [InlineData("""{ "enabled": "SigninLogs" }""", "*'enabled' must be an array*")]
    [InlineData("""{ "enabled": [""", "*not valid JSON*")]
    public void Parse_InvalidDocument_ThrowsFormatExceptionSayingWhy(string json, string message)
    {
        var act = () => LogSourceInventory.Parse(json);

        act.Should().Throw<FormatException>().WithMessage(message);
    }
}
