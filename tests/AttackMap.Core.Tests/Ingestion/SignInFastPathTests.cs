using System.Collections;
using System.Reflection;
using System.Text;
using AttackMap.Ingestion;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Ingestion;

/// <summary>The single-pass sign-in reader must produce exactly what the general path produces, record for record.</summary>
public sealed class SignInFastPathTests
{
    private const string Line =
        "{\"time\":\"2026-11-20T08:05:12.4718203Z\",\"resourceId\":\"/tenants/00000000-0000-4000-8000-00000000aad0/providers/Microsoft.aadiam\","
        + "\"category\":\"SignInLogs\",\"resultType\":\"50126\",\"callerIpAddress\":\"203.0.113.7\",\"identity\":\"Avery Quinn\",\"location\":\"US\","
        + "\"properties\":{\"id\":\"00000000-0000-4000-8000-000000005101\",\"createdDateTime\":\"2026-11-20T08:05:12.4718203+00:00\","
        + "\"userPrincipalName\":\"avery.quinn@contoso-lab.example\",\"userId\":\"00000000-0000-4000-8000-0000000000A1\",\"status\":{\"errorCode\":50126,"
        + "\"failureReason\":\"Invalid username or password.\"},\"location\":{\"city\":\"Seattle\",\"countryOrRegion\":\"US\"},"
        + "\"deviceDetail\":{\"browser\":\"Edge 131.0.0\"},\"autonomousSystemNumber\":64500,\"riskEventTypes_v2\":[\"unfamiliarFeatures\"],"
        + "\"riskEventTypes\":[\"UnfamiliarFeatures\",\"anonymizedIPAddress\"],\"riskLevelDuringSignIn\":\"medium\"}}";

    public static TheoryData<string> Variants => new()
    {
        Line,
        Line.Replace("\"userId\":", "\"userId\":\"x\",\"userId\":", StringComparison.Ordinal), // duplicate key: last wins
        Line.Replace("\"userPrincipalName\"", "\"UserPrincipalName\"", StringComparison.Ordinal), // other case
        Line.Replace("\"location\":\"US\"", "\"Location\":\"DE\"", StringComparison.Ordinal),
        Line.Replace("\"category\":\"SignInLogs\"", "\"category\":\"AuditLogs\"", StringComparison.Ordinal),
        Line.Replace("\"category\":\"SignInLogs\"", "\"category\":\"ServicePrincipalSignInLogs\"", StringComparison.Ordinal),
        Line.Replace("\"category\":\"SignInLogs\"", "\"category\":{\"value\":\"NonInteractiveUserSignInLogs\"}", StringComparison.Ordinal),
        Line.Replace("\"riskEventTypes\":[", "\"riskEventTypes\":\"a, b ,\",\"x\":[", StringComparison.Ordinal),
        Line.Replace("{\"city\":\"Seattle\",\"countryOrRegion\":\"US\"}", "\"{\\\"countryOrRegion\\\":\\\"FR\\\"}\"", StringComparison.Ordinal),
        Line.Replace("{\"city\":\"Seattle\",\"countryOrRegion\":\"US\"}", "{\"countryOrRegion\":\"\"}", StringComparison.Ordinal),
        Line.Replace("\"status\":{", "\"status\":{\"ErrorCode\":1,", StringComparison.Ordinal),
        Line.Replace("\"identity\"", "\"ident\\u0069ty\"", StringComparison.Ordinal), // escaped name
        Line.Replace("\"userPrincipalName\"", "\"userPr\u0131ncipalName\"", StringComparison.Ordinal), // non-ASCII name (raw UTF-8)
        Line.Replace("Avery Quinn", "Av\\u00e9ry \\\"Q\\\"", StringComparison.Ordinal), // escaped value
        Line.Replace("\"properties\":{", "\"properties\":{\"ResultType\":\"7\",", StringComparison.Ordinal),
        Line.Replace("\"resultType\":\"50126\",", string.Empty, StringComparison.Ordinal),
        Line.Replace("\"resultType\":\"50126\"", "\"resultType\":null", StringComparison.Ordinal),
        Line.Replace("\"ipAddress\"", "\"ip\"", StringComparison.Ordinal).Replace("\"callerIpAddress\":\"203.0.113.7\"", "\"callerIpAddress\":true", StringComparison.Ordinal),
        Line + " {}", // trailing content: invalid JSON
        Line.Replace("\"properties\":{", "\"properties\": /* comment */ {", StringComparison.Ordinal), // comments: general path
        Line.Replace("}}", ",}}", StringComparison.Ordinal), // trailing comma: general path
        Line.Replace("\"userPrincipalName\":\"avery.quinn@contoso-lab.example\",", "\"userDisplayName\":\"Avery\",", StringComparison.Ordinal),
        Line.Replace("\"userPrincipalName\":\"avery.quinn@contoso-lab.example\",", string.Empty, StringComparison.Ordinal),
        Line.Replace("\"createdDateTime\":\"2026-11-20T08:05:12.4718203+00:00\",", "\"createdDateTime\":\"soon\",", StringComparison.Ordinal),
        Line.Replace("\"properties\":{", "\"properties\":{\"correlationId\":null,\"ipAddress\":\"\",\"resourceTenantId\":\"t\\u0031\",", StringComparison.Ordinal),
        Line.Substring(0, Line.Length - 1), // truncated
        "{\"category\":\"SignInLogs\",\"properties\":\"{\\\"userId\\\":\\\"u1\\\"}\"}", // properties as JSON text
        "{\"category\":\"SignInLogs\",\"$table\":\"SigninLogs\",\"properties\":{}}",
        "{\"category\":\"SignInLogs\",\"records\":[],\"properties\":{}}",
        "{\"category\":\"SignInLogs\",\"properties\":{},\"properties\":{\"userId\":\"u2\"}}",
        "{\"properties\":{\"userId\":\"u4\"},\"category\":\"SignInLogs\"}",
        "[{\"category\":\"SignInLogs\",\"properties\":{\"userId\":\"u3\"}}]",
        "{\"category\":\"SignInLogs\",\"properties\":{\"riskEventTypes\":[{\"a\":1}]}}",
        "{\"category\":\"SignInLogs\",\"properties\":{\"status\":null,\"location\":null,\"riskEventTypes\":null,\"userId\":\"\"}}",
    };

    [Fact]
    public void TryRead_DiagnosticSignIn_TakesFastPathAndKeepsFields()
    {
        var parser = new SignInLineParser(64);
        var json = Encoding.UTF8.GetBytes(Line);
        parser.TryRead(json, out var kind).Should().BeTrue();
        kind.Should().Be(SignInKind.UserInteractive);

        var signIn = (EntraSignIn)parser.TryBuild(json, new SignalOrigin("f", 0, 1, 0), kind)!.Signal!;
        signIn.ResultType.Should().Be("50126");
        signIn.ResultDescription.Should().Be("Invalid username or password.");
        signIn.Principal!.ObjectId.Should().Be("00000000-0000-4000-8000-0000000000a1");
        signIn.Location.Should().Be("US");
        signIn.AutonomousSystemNumber.Should().Be("64500");
        signIn.RiskEventTypes.Should().Equal("unfamiliarFeatures", "anonymizedIPAddress");
        signIn.IpAddress.Should().Be("203.0.113.7");
    }

    [Theory]
    [InlineData("{\"category\":\"SignInLogs\",\"properties\":{\"userId\":\"a\",\"userId\":\"b\"}}")]
    [InlineData("{\"category\":\"SignInLogs\",\"properties\":{\"UserId\":\"a\"}}")]
    [InlineData("{\"category\":\"AuditLogs\",\"properties\":{}}")]
    [InlineData("{\"category\":\"SignInLogs\"}")]
    [InlineData("{\"properties\":{},\"category\":\"SignInLogs\"}")]
    [InlineData("{\"category\":\"SignInLogs\",\"properties\":{\"userId\u0130\":\"a\"}}")] // non-ASCII name (raw UTF-8)
    public void TryRead_UnusualRecord_Declines(string json) =>
        new SignInLineParser(64).TryRead(Encoding.UTF8.GetBytes(json), out _).Should().BeFalse();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Read_EdgeCaseLine_FastAndGeneralPathsAgree(string line) =>
        AssertSame(Encoding.UTF8.GetBytes(line + "\n" + Line + "\n"), "variant");

    [Theory]
    [InlineData("Avery Quinn", false)] // a fallback field the record does not need
    [InlineData("Avery Quinn", true)] // the same field, needed once the UPN is gone
    [InlineData("medium", false)] // a kept field
    public void Read_InvalidUtf8InField_FastAndGeneralPathsAgree(string value, bool dropUpn)
    {
        var line = dropUpn ? Line.Replace("\"userPrincipalName\":\"avery.quinn@contoso-lab.example\",", string.Empty, StringComparison.Ordinal) : Line;
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        var at = line.IndexOf(value, StringComparison.Ordinal);
        bytes[at + 1] = 0xFF;

        AssertSame(bytes, "invalid-utf8");
    }

    [Fact]
    public void Read_EveryIngestionFixture_FastAndGeneralPathsAgree()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingestion"));
        files.Should().Contain(f => f.EndsWith(".jsonl", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertSame(File.ReadAllBytes(file), file);
        }
    }

    [Fact]
    public void Read_BundledSamples_FastAndGeneralPathsAgree()
    {
        foreach (var file in LogReader.ExpandPaths(new[] { BundledSamples.Folder }))
        {
            AssertSame(File.ReadAllBytes(file), file);
        }
    }

    [SharedDataFact]
    public void Read_SharedSamples_FastAndGeneralPathsAgree()
    {
        var files = LogReader.ExpandPaths(new[] { SharedData.PathOf("samples") });
        files.Should().Contain(f => f.EndsWith("diagnostic-jsonl-noninteractive-elastic.jsonl", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertSame(File.ReadAllBytes(file), file);
        }
    }

    [SharedDataFact]
    public void TryRead_SharedSignInJsonLines_EveryLineTakesFastPath()
    {
        var parser = new SignInLineParser(64);
        var read = 0;
        // The time corner-case file has no properties object (flat records), which the general path reads.
        foreach (var file in Directory.GetFiles(SharedData.PathOf("samples/entra-signins"), "*-elastic.jsonl"))
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0))
            {
                parser.TryRead(Encoding.UTF8.GetBytes(line), out _).Should().BeTrue($"{file}: {line.Substring(0, Math.Min(60, line.Length))}");
                read++;
            }
        }

        read.Should().Be(19);
    }

    /// <summary>Reads <paramref name="bytes"/> with and without the fast path and compares every public property of every record.</summary>
    internal static void AssertSame(byte[] bytes, string name, int maxDepth = 64)
    {
        var fast = IngestionTestHelper.ReadBytes(bytes, new LogReaderOptions { MaxDepth = maxDepth }, name);
        var general = IngestionTestHelper.ReadBytes(bytes, new LogReaderOptions { SignInFastPath = false, MaxDepth = maxDepth }, name);
        fast.Should().HaveCount(general.Count, name);
        for (var i = 0; i < fast.Count; i++)
        {
            Describe(fast[i]).Should().Be(Describe(general[i]), $"{name} record {i}");
        }
    }

    // Every public property of the record and its signal, lists and nested records expanded.
    private static string Describe(LogRecord record)
    {
        var text = new StringBuilder();
        Append(text, "record", record, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string label, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append(label).Append("=null\n");
                return;
            case string or ValueType:
                text.Append(label).Append('=').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Append(text, $"{label}[{i++}]", item, depth + 1);
                }

                text.Append(label).Append(".count=").Append(i).Append('\n');
                return;
        }

        if (depth > 4)
        {
            text.Append(label).Append('=').Append(value).Append('\n');
            return;
        }

        text.Append(label).Append(':').Append(value.GetType().Name).Append('\n');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Append(text, label + "." + property.Name, property.GetValue(value), depth + 1);
            }
        }
    }
}
