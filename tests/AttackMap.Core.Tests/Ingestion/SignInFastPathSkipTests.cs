using System.Text;
using System.Text.Json;
using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

/// <summary>
/// Unused properties are skipped by <see cref="SignInLineSkip"/> instead of the reader: it must never accept what the
/// reader rejects, must end where the reader ends, and both read paths must still agree on every record.
/// </summary>
public sealed class SignInFastPathSkipTests
{
    // Root and properties with runs of unused scalars and containers between the kept fields.
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
    public void Read_UnusedValueVariant_FastAndGeneralPathsAgree(string line) =>
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

    [Theory]
    [InlineData("{\"a\":[1,2,{\"b\":null}]}", 0, 22)]
    [InlineData("{\"a\":[1,2,{\"b\":[null]}]}", 0, -1)]
    [InlineData("  [true, false , -0.5e+1]x", 0, 25)]
    [InlineData("\"ab\\\"c\",", 0, 7)]
    [InlineData("{\"a\":1} {", 0, 7)]
    [InlineData("12 ", 0, 2)]
    [InlineData("[1,]", 0, -1)]
    [InlineData("{\"a\":1,}", 0, -1)]
    [InlineData("{\"a\"/**/:1}", 0, -1)]
    [InlineData("[[[1]]]", 0, 7)]
    [InlineData("[[[[1]]]]", 0, -1)]
    [InlineData("[\"\\ud800\"]", 0, -1)]
    [InlineData("[1", 0, -1)]
    [InlineData("", 0, -1)]
    [InlineData("{\"a\":1}", 3, -1)]
    public void TryValue_Input_EndsWhereExpected(string json, int start, int expected) =>
        SignInLineSkip.TryValue(Encoding.UTF8.GetBytes(json), start, 3).Should().Be(expected);

    [Fact]
    public void TryValue_RandomlyDamagedRecords_NeverAcceptsWhatTheReaderRejects()
    {
        var random = new Random(20261203);
        var accepted = 0;
        // Containers only: after a scalar the caller's reader checks what follows (a delimiter), which a reader at the root checks itself.
        foreach (var damaged in Damaged(random, 20_000, withBrokenUtf8: true).Where(d => d.Length > 0 && d[0] is (byte)'{' or (byte)'['))
        {
            foreach (var maxDepth in new[] { 2, 4, 64 })
            {
                var end = SignInLineSkip.TryValue(damaged, 0, maxDepth);
                if (end < 0)
                {
                    continue;
                }

                accepted++;
                var reader = new Utf8JsonReader(damaged, new JsonReaderOptions { MaxDepth = maxDepth });
                var readerEnd = -1L;
                try
                {
                    reader.Read();
                    reader.Skip();
                    readerEnd = reader.BytesConsumed;
                }
                catch (JsonException)
                {
                }

                readerEnd.Should().Be(end, Encoding.UTF8.GetString(damaged));
            }
        }

        accepted.Should().BeGreaterThan(1_000);
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

    // Valid UTF-8 unless withBrokenUtf8 (the general path does not survive a root name that is invalid UTF-8, fast path or not).
    private static IEnumerable<byte[]> Damaged(Random random, int count, bool withBrokenUtf8 = false)
    {
        string[] pieces = { "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "-", ".", "e", "+", "t", "n", "\u0001", "/", "x", "00", "1.", "\\u", "\\ud800", "\\q", "true", "nul", ",]", ",}", withBrokenUtf8 ? "é" : "e" };
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
                        bytes[at] = piece[0]; // the first byte of "é" alone is invalid UTF-8
                        break;
                    case 1:
                        bytes.InsertRange(at, piece);
                        break;
                    default:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 4), bytes.Count - at)); // may split an "é"
                        break;
                }
            }

            yield return bytes.ToArray();
        }
    }
}
