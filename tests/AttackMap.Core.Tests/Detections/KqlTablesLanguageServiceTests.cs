using System.Diagnostics;
using System.Text.Json;
using AttackMap.Detections;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Detections;

/// <summary>
/// Differential check: for every shared Sentinel rule, and for the tricky queries of <see cref="KqlTablesTests"/>, the
/// tables <see cref="KqlTables"/> finds equal those Microsoft's Kusto language service (npm
/// <c>@kusto/language-service-next</c> 12.4.1, driven by <c>tests/kql/list-tables.js</c>) resolves.
/// </summary>
public sealed class KqlTablesLanguageServiceTests
{
    private static readonly Dictionary<string, string> TrickyQueries = new(StringComparer.Ordinal)
    {
        ["union-wildcard"] = "union withsource=T AAD*SignInLogs | summarize count() by T",
        ["join-lookup"] = "SigninLogs\n| join kind=inner (AuditLogs | project CorrelationId) on CorrelationId\n| lookup kind=leftouter IdentityInfo on $left.UserPrincipalName == $right.AccountUPN",
        ["let-function"] = "let aadFunc = (tableName:string) { table(tableName) | where ResultType == \"50126\" };\nunion isfuzzy=true aadFunc(\"SigninLogs\"), aadFunc(\"AADNonInteractiveUserSignInLogs\")",
        ["comments-strings"] = "// AuditLogs\nAzureActivity // | join (SigninLogs) on Caller\n| where OperationNameValue != \"SigninLogs\" and Caller !has 'AuditLogs'\n| extend Note = @\"SecurityAlert\"",
        ["materialize-in"] = "let data = materialize(AzureActivity | where OperationNameValue endswith \"/DELETE\");\ndata\n| where Caller in ((SigninLogs | where ResultType == 0 | distinct UserPrincipalName))",
        ["columns-named-like-tables"] = "SecurityAlert\n| extend Event = tostring(ExtendedProperties), Usage = 1\n| summarize count() by Event, Usage",
        ["datatable"] = "let Known = datatable(Name:string) [\"AuditLogs\"];\nAzureActivity | join kind=inner (Known) on $left.Caller == $right.Name",
        ["search-find"] = "search in (SigninLogs, AuditLogs) \"contoso-lab\" | union (find in (AzureActivity) where TimeGenerated > ago(1h))",
        ["tabular-parameter"] = "let f = (T:(UserPrincipalName:string)) { T | take 1 };\nf(SigninLogs)",
        ["nested-functions"] = "let inner = (t:string) { table(t) | take 1 };\nlet outer = () { inner(\"SigninLogs\") | union AuditLogs };\nouter()",
        ["pipe-union-as"] = "SigninLogs | as S | union AADRisky*, (S | take 1) | join kind=inner AuditLogs on CorrelationId",
        ["view-toscalar"] = "let T = view () { AuditLogs | take 1 };\nlet n = toscalar(SecurityIncident | count);\nT | where n > 0 | lookup (IdentityInfo | project AccountUPN) on $left.Identity == $right.AccountUPN",
        ["mv-apply-subquery"] = "AuditLogs | mv-apply x = TargetResources on (where x.type == 'User' | join kind=inner (IdentityInfo | project AccountObjectId) on $left.id == $right.AccountObjectId)",
        ["shadow-constants"] = "let SigninLogs = SigninLogs | where ResultType == 0;\nlet t = \"AuditLogs\";\nlet f = (n:string) { table(n) | take 1 };\nlet name = \"AzureActivity\";\nSigninLogs | union table(t), f(name)",
        ["watchlist"] = "let acts = dynamic([\"a\"]);\nlet Vips = (_GetWatchlist('VIPUsers') | distinct [\"User Principal Name\"]);\nAuditLogs | where ActivityDisplayName in (acts) | where Identity in~ (Vips)",
    };

    [KustoLanguageServiceFact]
    public void Extract_EverySharedRule_EqualsTheLanguageService()
    {
        var service = RunListTables("--rules", SharedData.PathOf("sentinel-rules"));
        var queries = SentinelRuleQueries.Read(SharedData.PathOf("sentinel-rules"));

        service.Keys.Should().BeEquivalentTo(queries.Keys);
        var library = queries.ToDictionary(q => q.Key, q => KqlTables.Extract(q.Value).ToArray(), StringComparer.Ordinal);
        library.Should().BeEquivalentTo(service, o => o.WithStrictOrdering());
        library["SigninPasswordSpray.yaml"].Should().Equal("AADNonInteractiveUserSignInLogs", "SigninLogs");
    }

    [KustoLanguageServiceFact]
    public void Extract_TrickyQueries_EqualsTheLanguageService()
    {
        var file = Path.Combine(Path.GetTempPath(), $"attackmap-kql-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(TrickyQueries));
            var service = RunListTables("--queries", file);

            var library = TrickyQueries.ToDictionary(q => q.Key, q => KqlTables.Extract(q.Value).ToArray(), StringComparer.Ordinal);
            library.Should().BeEquivalentTo(service, o => o.WithStrictOrdering());
            service["union-wildcard"].Should().Equal("AADManagedIdentitySignInLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string[]> RunListTables(string mode, string input)
    {
        var start = new ProcessStartInfo(KustoLanguageServiceFactAttribute.NodeExecutable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = KustoLanguageServiceFactAttribute.KqlFolder!,
        };
        foreach (var argument in new[] { "list-tables.js", mode, input, "--schemas", SharedData.PathOf("schemas") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "list-tables.js failed: {0}", stderr.Result);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stdout)!;
    }
}
