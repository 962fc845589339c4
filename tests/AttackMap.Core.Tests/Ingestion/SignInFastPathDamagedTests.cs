using System.Text;
using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

/// <summary>
/// Lines with runs of unused properties between the kept ones, damaged in many ways (bad literals, numbers, escapes, control
/// characters, comments, trailing commas, names in other case or escaped, nesting near the limit, random edits): the
/// single-pass reader must decide every record exactly as the general path does.
/// </summary>
public sealed class SignInFastPathDamagedTests
{
    // Root and properties with runs of unused scalars and containers between the kept fields, like real exports.
    private const string Line =
        "{\"time\":\"2026-11-20T08:05:12.4718203Z\",\"resourceId\":\"/tenants/00000000-0000-4000-8000-00000000aad0/providers/Microsoft.aadiam\","
        + "\"operationName\":\"Sign-in activity\",\"operationVersion\":\"1.0\",\"category\":\"SignInLogs\",\"tenantId\":\"00000000-0000-4000-8000-00000000aad0\","
        + "\"resultType\":\"0\",\"durationMs\":0,\"callerIpAddress\":\"203.0.113.9\",\"Level\":4,\"properties\":{\"id\":\"00000000-0000-4000-8000-000000005102\","
        + "\"createdDateTime\":\"2026-11-20T08:05:12.4718203+00:00\",\"userPrincipalName\":\"avery.quinn@contoso-lab.example\","
        + "\"userId\":\"00000000-0000-4000-8000-0000000000a1\",\"originalRequestId\":\"r1\",\"isInteractive\":true,\"processingTimeInMilliseconds\":125,"
        + "\"riskDetail\":\"none\",\"status\":{\"errorCode\":0},\"deviceDetail\":{\"deviceId\":\"\",\"isCompliant\":false,\"browser\":\"Edge\"},"
        + "\"appliedConditionalAccessPolicies\":[{\"id\":\"p1\",\"displayName\":\"MFA\",\"enforcedGrantControls\":[\"Mfa\"],\"conditionsSatisfied\":3,\"result\":\"success\"}],"
        + "\"authenticationProcessingDetails\":[{\"key\":\"Oauth Scope Info\",\"value\":\"[\\\"openid\\\",\\\"profile\\\"]\"}],\"networkLocationDetails\":[],"
        + "\"appDisplayName\":\"Azure Portal\",\"geo\":{\"lat\":-47.61e0,\"lon\":1.5E+2,\"alt\":null,\"\":[[[]]]}}}";

    public static TheoryData<string> Variants => new()
    {
        Line,
        Line.Replace("\"isCompliant\":false", "\"isCompliant\":fals", StringComparison.Ordinal),
        Line.Replace("\"isCompliant\":false", "\"isCompliant\":falsey", StringComparison.Ordinal),
        Line.Replace("\"isInteractive\":true", "\"isInteractive\":tru", StringComparison.Ordinal),
        Line.Replace("\"isInteractive\":true", "\"isInteractive\":nul", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":03", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":3.", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":-", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":3e", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":-0.5E-3", StringComparison.Ordinal),
        Line.Replace("\"conditionsSatisfied\":3", "\"conditionsSatisfied\":+3", StringComparison.Ordinal),
        Line.Replace("\"durationMs\":0", "\"durationMs\":0x", StringComparison.Ordinal),
        Line.Replace("\"durationMs\":0", "\"durationMs\":00", StringComparison.Ordinal),
        Line.Replace("[\"Mfa\"]", "[\"Mfa\",]", StringComparison.Ordinal), // trailing comma: the general path allows it
        Line.Replace("\"result\":\"success\"}", "\"result\":\"success\",}", StringComparison.Ordinal),
        Line.Replace("\"deviceId\":\"\"", "\"deviceId\":/* c */\"\"", StringComparison.Ordinal), // comment: the general path allows it
        Line.Replace("\"Level\":4", "\"Level\":4// c\n", StringComparison.Ordinal),
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Ed\\ge\"", StringComparison.Ordinal), // invalid escape
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Ed\\u00e9ge\\/\\\\\\b\\f\\n\\r\\t\"", StringComparison.Ordinal),
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Ed\\ud83d\\ude00\"", StringComparison.Ordinal), // surrogate escapes
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Ed\\u00g9\"", StringComparison.Ordinal),
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Ed\tge\"", StringComparison.Ordinal), // raw control character
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Edgé\"", StringComparison.Ordinal),
        Line.Replace("\"browser\":\"Edge\"", "\"browser\":\"Edge", StringComparison.Ordinal),
        Line.Replace("\"riskDetail\":\"none\"", "\"riskDetail\":\"none\",\"UserId\":\"X\"", StringComparison.Ordinal), // other case after a run
        Line.Replace("\"riskDetail\":\"none\"", "\"riskDetail\":\"none\",\"userId\":\"dup\"", StringComparison.Ordinal), // duplicate after a run
        Line.Replace("\"riskDetail\":\"none\"", "\"riskDetail\":\"none\",\"ResultType\":\"9\"", StringComparison.Ordinal),
        Line.Replace("\"originalRequestId\"", "\"original\\u0052equestId\"", StringComparison.Ordinal), // escaped unused name
        Line.Replace("\"riskDetail\"", "\"risk\\u0044etail\"", StringComparison.Ordinal), // escaped name inside a run
        Line.Replace("\"riskDetail\"", "\"riskDétail\"", StringComparison.Ordinal), // non-ASCII name inside a run
        Line.Replace("\"riskDetail\":\"none\"", "\"riskDetail\":\"none\",\"user\\u0049d\":\"u9\"", StringComparison.Ordinal),
        Line.Replace("\"operationVersion\":\"1.0\"", "\"operationVersion\":\"1.0\",\"$table\":\"AuditLogs\"", StringComparison.Ordinal),
        Line.Replace("\"operationVersion\":\"1.0\"", "\"operationVersion\":\"1.0\",\"Category\":\"AuditLogs\"", StringComparison.Ordinal),
        Line.Replace("\"operationVersion\":\"1.0\"", "\"operationVersion\":{\"records\":[]},\"records\":[]", StringComparison.Ordinal),
        Line.Replace("\"Level\":4,", "\"Level\" : 4 ,\r\n\t", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":[ \n ]", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":[,]", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":{,}", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":[}", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":{\"a\" \"b\"}", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":{\"a\":}", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":{1:2}", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":[1 2]", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":[]]", StringComparison.Ordinal),
        Line.Replace("\"networkLocationDetails\":[]", "\"networkLocationDetails\":", StringComparison.Ordinal),
        Line.Replace("\"appDisplayName\":\"Azure Portal\",", string.Empty, StringComparison.Ordinal).Replace("}}}", "}} }", StringComparison.Ordinal),
        Line.Substring(0, Line.IndexOf("\"result\"", StringComparison.Ordinal)), // truncated inside a skipped array
        Line.Replace(",\"Level\":4", string.Empty, StringComparison.Ordinal).Replace("\"callerIpAddress\"", "\"Level\":4,\"callerIpAddress\"", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Read_DamagedUnusedValue_FastAndGeneralPathsAgree(string line) =>
        SignInFastPathTests.AssertSame(Encoding.UTF8.GetBytes(line + "\n" + Line + "\n"), "skip-variant");

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Read_NestingNearMaxDepth_FastAndGeneralPathsAgree(int maxDepth) =>
        SignInFastPathTests.AssertSame(Encoding.UTF8.GetBytes(Line + "\n"), "depth", maxDepth);

    [Fact]
    public void TryRead_LineWithUnusedRuns_TakesFastPathAndKeepsFields()
    {
        var parser = new SignInLineParser(64);
        var json = Encoding.UTF8.GetBytes(Line);
        parser.TryRead(json, out var kind).Should().BeTrue();

        var signIn = (AttackMap.Signals.EntraSignIn)parser.TryBuild(json, new AttackMap.Signals.SignalOrigin("f", 0, 1, 0), kind)!.Signal!;
        signIn.AppDisplayName.Should().Be("Azure Portal");
        signIn.IpAddress.Should().Be("203.0.113.9");
        signIn.Time.Should().Be(new DateTimeOffset(2026, 11, 20, 8, 5, 12, TimeSpan.Zero).AddTicks(4718203));
    }

    [Fact]
    public void Read_RandomlyDamagedRecords_FastAndGeneralPathsAgree()
    {
        var random = new Random(42);
        var text = new List<byte>();
        foreach (var damaged in Damaged(random, 1_500))
        {
            text.AddRange(damaged.Where(b => b != (byte)'\n'));
            text.Add((byte)'\n');
        }

        SignInFastPathTests.AssertSame(text.ToArray(), "damaged");
    }

    // Valid UTF-8 only: the general path does not survive a root property name that is invalid UTF-8, fast path or not.
    private static IEnumerable<byte[]> Damaged(Random random, int count)
    {
        string[] pieces = { "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "-", ".", "e", "+", "t", "n", "\u0001", "/", "x", "00", "1.", "\\u", "\\ud800", "\\q", "true", "nul", ",]", ",}", "e" };
        var source = Encoding.UTF8.GetBytes(Line);
        for (var n = 0; n < count; n++)
        {
            var bytes = new List<byte>(source);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Count);
                var piece = Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]);
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = piece[0];
                        break;
                    case 1:
                        bytes.InsertRange(at, piece);
                        break;
                    default:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 4), bytes.Count - at));
                        break;
                }
            }

            yield return bytes.ToArray();
        }
    }
}
