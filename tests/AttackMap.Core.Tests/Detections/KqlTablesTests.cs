using AttackMap.Detections;

namespace AttackMap.Tests.Detections;

public sealed class KqlTablesTests
{
    [Fact]
    public void Extract_TableAtPipelineStart_ReturnsIt()
    {
        KqlTables.Extract("SigninLogs | where ResultType == \"50126\" | summarize count() by IPAddress")
            .Should().Equal("SigninLogs");
    }

    [Fact]
    public void Extract_UnionWithParametersAndParenthesisedLegs_ReturnsEveryLeg()
    {
        const string query = """
            (union isfuzzy=true withsource=SourceTable
              (AuditLogs | where OperationName =~ "Disable Strong Authentication"),
              (AWSCloudTrail | where EventName == "DeactivateMFADevice"),
              AzureActivity
            )
            | extend Source = SourceTable
            """;

        KqlTables.Extract(query).Should().Equal("AWSCloudTrail", "AuditLogs", "AzureActivity");
    }

    [Fact]
    public void Extract_UnionWildcard_MatchesKnownTablesCaseSensitively()
    {
        KqlTables.Extract("union withsource=T AAD*SignInLogs | summarize count() by T")
            .Should().Equal("AADManagedIdentitySignInLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs");
    }

    [Fact]
    public void Extract_JoinAndLookupRightSides_ReturnsParenthesisedAndBareNames()
    {
        const string query = """
            SigninLogs
            | join kind=inner (AuditLogs | project CorrelationId) on CorrelationId
            | join hint.strategy=shuffle kind = leftouter IdentityInfo on $left.UserPrincipalName == $right.AccountUPN
            | lookup kind=leftouter BehaviorAnalytics on UserPrincipalName
            """;

        KqlTables.Extract(query).Should().Equal("AuditLogs", "BehaviorAnalytics", "IdentityInfo", "SigninLogs");
    }

    [Fact]
    public void Extract_LetBindings_CountsTheBoundTablesNotTheLetNames()
    {
        const string query = """
            let lookback = 1d;
            let failed = SigninLogs | where ResultType != "0";
            let admins = (IdentityInfo | where AssignedRoles contains "admin" | distinct AccountUPN);
            failed
            | where UserPrincipalName in (admins)
            | join kind=inner (failed) on IPAddress
            """;

        var result = KqlTables.Analyze(query);

        result.Tables.Should().Equal("IdentityInfo", "SigninLogs");
        result.UnresolvedNames.Should().BeEmpty();
    }

    [Fact]
    public void Extract_LetBoundFunctionCalledWithTableNames_ReturnsTheArguments()
    {
        const string query = """
            let aadFunc = (tableName:string, threshold:int) {
              table(tableName) | where ResultType == "50126" | summarize c = count() by IPAddress | where c > threshold
            };
            union isfuzzy=true aadFunc("SigninLogs", 5), aadFunc("AADNonInteractiveUserSignInLogs", 10)
            """;

        KqlTables.Extract(query).Should().Equal("AADNonInteractiveUserSignInLogs", "SigninLogs");
    }

    [Fact]
    public void Extract_CommentsAndStringLiterals_NeverCount()
    {
        const string query = """
            // AuditLogs would be read here, but the line is a comment
            AzureActivity // | join (SigninLogs) on Caller
            | where OperationNameValue != "SigninLogs" and Caller !has 'AuditLogs'
            | extend Note = @"SecurityAlert", Raw = h'AADUserRiskEvents', Long = ```AADRiskyUsers
            BehaviorAnalytics```
            | where Properties has "union IdentityInfo"
            """;

        KqlTables.Extract(query).Should().Equal("AzureActivity");
    }

    [Fact]
    public void Extract_MaterializeToscalarAndInSubQuery_ReturnsInnerTables()
    {
        const string query = """
            let data = materialize (AzureActivity | where OperationNameValue endswith "/DELETE");
            let total = toscalar(data | count);
            data
            | where Caller in (SigninLogs | where ResultType == 0 | distinct UserPrincipalName)
            | where Caller !in~ (AADRiskyUsers | project UserPrincipalName)
            """;

        KqlTables.Extract(query).Should().Equal("AADRiskyUsers", "AzureActivity", "SigninLogs");
    }

    [Fact]
    public void Extract_TableFunctionWithLiteral_ReturnsIt()
    {
        KqlTables.Extract("table(\"AuditLogs\") | take 10 | join (table('SigninLogs')) on CorrelationId")
            .Should().Equal("AuditLogs", "SigninLogs");
    }

    [Fact]
    public void Analyze_DatatableExternaldataAndWatchlists_AreNotTables()
    {
        const string query = """
            let Roles = externaldata(Role:string, ID:string) [@"https://example.invalid/roles.csv"] with (format="csv");
            let Known = datatable(SigninLogs:string, AuditLogs:string) ["a", "b"];
            let Vips = _GetWatchlist('VIPUsers') | project SearchKey;
            AzureActivity
            | where Caller in (Vips)
            | join kind=inner (Roles) on $left.Properties == $right.ID
            """;

        var result = KqlTables.Analyze(query);

        result.Tables.Should().Equal("AzureActivity");
        result.Functions.Should().Equal("_GetWatchlist");
    }

    [Fact]
    public void Analyze_ColumnsNamedLikeTablesAndMemberAccess_AreNotTables()
    {
        const string query = """
            SecurityAlert
            | extend Event = tostring(ExtendedProperties.Event), Usage = 1
            | summarize count() by Event, Usage
            | project Heartbeat = Event
            """;

        KqlTables.Extract(query).Should().Equal("SecurityAlert");
    }

    [Fact]
    public void Analyze_CustomTable_IsReportedAsUnresolved()
    {
        var result = KqlTables.Analyze("union SigninLogs, Contoso_SignIns_CL | take 5");

        result.Tables.Should().Equal("SigninLogs");
        result.UnresolvedNames.Should().Equal("Contoso_SignIns_CL");
    }

    [Fact]
    public void Extract_TableNamesAreCaseSensitive_LowerCaseIsNotATable()
    {
        KqlTables.Analyze("signinlogs | take 1").Tables.Should().BeEmpty();
        KqlTables.IsKnownTable("SigninLogs").Should().BeTrue();
        KqlTables.IsKnownTable("signinlogs").Should().BeFalse();
    }

    [Fact]
    public void KnownTables_EmbeddedList_HoldsTheLogAnalyticsNames()
    {
        KqlTables.KnownTables.Should().HaveCount(914).And.Contain(new[] { "AADNonInteractiveUserSignInLogs", "AuditLogs", "AzureActivity", "SecurityAlert" });
        KqlTables.KnownTables.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Extract_SearchAndFindInLists_ReturnsEveryListedTable()
    {
        KqlTables.Extract("search in (SigninLogs, AuditLogs) \"contoso-lab\" | union (find in (AzureActivity) where TimeGenerated > ago(1h))")
            .Should().Equal("AuditLogs", "AzureActivity", "SigninLogs");
    }

    [Fact]
    public void Extract_FunctionsCallingFunctionsAndTabularArguments_ReturnsTheTables()
    {
        const string query = """
            let inner = (t:string) { table(t) | take 1 };
            let outer = () { inner("SigninLogs") | union AuditLogs };
            let f = (T:(UserPrincipalName:string)) { T | take 1 };
            outer() | union f(AADRiskyUsers)
            """;

        KqlTables.Extract(query).Should().Equal("AADRiskyUsers", "AuditLogs", "SigninLogs");
    }

    [Fact]
    public void Analyze_ScalarLetCalls_AreNotReportedAsFunctions()
    {
        var result = KqlTables.Analyze("let acts = dynamic([\"a\"]);\nlet since = ago(1d);\nAuditLogs | as A | where ActivityDisplayName in (acts) | join (A) on CorrelationId");

        result.Tables.Should().Equal("AuditLogs");
        result.Functions.Should().BeEmpty();
        result.UnresolvedNames.Should().BeEmpty();
    }

    [Fact]
    public void Extract_ShadowingLetAndStringConstants_ReturnsTheTables()
    {
        const string query = """
            let SigninLogs = SigninLogs | where ResultType == 0;
            let t = "AuditLogs";
            let f = (n:string) { table(n) | take 1 };
            let name = "AzureActivity";
            SigninLogs | union table(t), f(name)
            """;

        KqlTables.Extract(query).Should().Equal("AuditLogs", "AzureActivity", "SigninLogs");
    }

    [Fact]
    public void Extract_UnionStar_ReturnsEveryKnownTable()
    {
        KqlTables.Extract("union withsource=T * | take 1").Should().Equal(KqlTables.KnownTables);
    }
}
