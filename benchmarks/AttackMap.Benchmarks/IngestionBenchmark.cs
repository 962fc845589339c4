using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AttackMap.Ingestion;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Reading diagnostic-settings sign-in JSON Lines (stage: Ingestion), side by side with two baselines over the same
/// bytes: a raw <see cref="Utf8JsonReader"/> token scan that does nothing else (the ceiling), and the naive
/// <see cref="JsonDocument"/>-per-line reader. Also hosts the 1 GB peak-memory check (<c>--memory-1gb</c>).
/// </summary>
public class IngestionBenchmark
{
    private byte[] _data = Array.Empty<byte>();

    /// <summary>Gets or sets the number of sign-in lines per invocation.</summary>
    [Params(20_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _data = SyntheticSignInLines.Generate(Records);

    /// <summary>The ceiling: every token of every line read with <see cref="Utf8JsonReader"/>, nothing kept.</summary>
    [Benchmark(Baseline = true)]
    public long RawTokenScan()
    {
        long tokens = 0;
        var data = _data.AsSpan();
        while (data.Length > 0)
        {
            var end = data.IndexOf((byte)'\n');
            var line = end < 0 ? data : data.Slice(0, end);
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }

            data = end < 0 ? default : data.Slice(end + 1);
        }

        return tokens;
    }

    /// <summary>
    /// An extra baseline (added with the skip scanner; the two above are unchanged): the same token scan, but reading the bytes the
    /// way a streaming reader has to - from a <see cref="Stream"/> into a 64 KiB buffer, splitting lines, moving a partial line to
    /// the front. The floor for any reader that takes a stream, as <see cref="LogReader"/> does.
    /// </summary>
    [Benchmark]
    public long RawTokenScanFromStream()
    {
        long tokens = 0;
        using var stream = new MemoryStream(_data, writable: false);
        var buffer = new byte[64 * 1024];
        var end = 0;
        while (true)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            end += read;
            var start = 0;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    break;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(start, newline - start));
                while (reader.Read())
                {
                    tokens++;
                }

                start = newline + 1;
            }

            if (read == 0)
            {
                return tokens; // every generated line ends with a line feed
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
        }
    }

    /// <summary>The naive reader: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> per line, TryGetProperty, build the model.</summary>
    [Benchmark]
    public int JsonDocumentPerLine()
    {
        var count = 0;
        var data = _data.AsMemory();
        long index = 0;
        while (data.Length > 0)
        {
            var end = data.Span.IndexOf((byte)'\n');
            var line = end < 0 ? data : data.Slice(0, end);
            using (var document = JsonDocument.Parse(line))
            {
                count += NaiveSignIn(document.RootElement, index++) is null ? 0 : 1;
            }

            data = end < 0 ? default : data.Slice(end + 1);
        }

        return count;
    }

    /// <summary>The library: <see cref="LogReader"/> over a stream of the same bytes, counting signals.</summary>
    [Benchmark]
    public int LogReaderJsonLines()
    {
        var count = 0;
        using var stream = new MemoryStream(_data, writable: false);
        foreach (var record in new LogReader().Read(stream, "bench.jsonl"))
        {
            count += record.Signal is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>The library's asynchronous path over the same bytes: <see cref="LogReader.ReadAsync(Stream, string, System.Threading.CancellationToken)"/>.</summary>
    [Benchmark]
    public async Task<int> LogReaderJsonLinesAsync()
    {
        var count = 0;
        using var stream = new MemoryStream(_data, writable: false);
        await foreach (var record in new LogReader().ReadAsync(stream, "bench.jsonl").ConfigureAwait(false))
        {
            count += record.Signal is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>The library with the single-pass sign-in reader turned off: every record through JsonDocument and the general parsers (the reader before this work).</summary>
    [Benchmark]
    public int LogReaderGeneralPath()
    {
        var count = 0;
        using var stream = new MemoryStream(_data, writable: false);
        foreach (var record in new LogReader(new LogReaderOptions { SignInFastPath = false }).Read(stream, "bench.jsonl"))
        {
            count += record.Signal is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>
    /// Generates a 1 GiB sign-in JSON Lines file in the temp folder, streams it through <see cref="LogReader"/> in a
    /// child process (so generation does not count) and prints that process's peak working set and GC figures; deletes the file.
    /// </summary>
    public static int RunMemoryCheck(string[] args)
    {
        if (args.Length > 1 && args[0] == "--memory-1gb-read")
        {
            return ReadAndReport(args[1], args.Length > 2 && args[2] == "--general");
        }

        var path = Path.Combine(Path.GetTempPath(), $"attackmap-signins-1gb-{Environment.ProcessId}.jsonl");
        try
        {
            const long target = 1L << 30;
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var seed = 1;
                while (file.Length < target)
                {
                    SyntheticSignInLines.Write(file, 10_000, seed++);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {new FileInfo(path).Length:N0} bytes: {path}"));
            // "--memory-1gb --general" reads with the single-pass sign-in reader turned off, for comparison.
            var childArgs = args.Length > 1 && args[1] == "--general" ? new[] { "--memory-1gb-read", path, "--general" } : new[] { "--memory-1gb-read", path };
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, childArgs) { UseShellExecute = false })!;
            child.WaitForExit();
            return child.ExitCode;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int ReadAndReport(string path, bool general)
    {
        var clock = Stopwatch.StartNew();
        long signals = 0;
        long records = 0;
        foreach (var record in new LogReader(new LogReaderOptions { SignInFastPath = !general }).Read(path))
        {
            records++;
            signals += record.Signal is null ? 0 : 1;
        }

        clock.Stop();
        var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        var bytes = new FileInfo(path).Length;
        const double MiB = 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(general ? "general path" : "fast path")}: records {records:N0}, signals {signals:N0}, {bytes / MiB:N0} MiB in {clock.Elapsed.TotalSeconds:N1} s ({bytes / MiB / clock.Elapsed.TotalSeconds:N0} MiB/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / MiB:N1} MiB; GC heap now {GC.GetTotalMemory(false) / MiB:N1} MiB, heap after the last GC {info.HeapSizeBytes / MiB:N1} MiB, committed {info.TotalCommittedBytes / MiB:N1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {GC.GetTotalAllocatedBytes() / MiB:N0} MiB total ({(double)GC.GetTotalAllocatedBytes() / records:N0} B/record); collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; server GC {System.Runtime.GCSettings.IsServerGC}"));
        return process.PeakWorkingSet64 < 200 * 1024 * 1024 ? 0 : 1;
    }

    // What a first implementation does: look every field up on a JsonDocument and build the model.
    private static EntraSignIn? NaiveSignIn(JsonElement root, long index)
    {
        var category = Str(root, "category");
        if (category is null || !category.EndsWith("SignInLogs", StringComparison.OrdinalIgnoreCase) || !root.TryGetProperty("properties", out var p))
        {
            return null;
        }

        var status = p.TryGetProperty("status", out var s) ? s : default;
        var location = p.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        var risks = new List<string>();
        if (p.TryGetProperty("riskEventTypes_v2", out var r) && r.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in r.EnumerateArray())
            {
                risks.Add(item.GetString()!);
            }
        }

        var upn = Str(p, "userPrincipalName");
        return new EntraSignIn(new SignalOrigin("bench.jsonl", index), category == "SignInLogs" ? SignInKind.UserInteractive : SignInKind.UserNonInteractive, Str(root, "resultType") ?? "0")
        {
            Table = "SigninLogs",
            Time = DateTimeOffset.TryParse(Str(p, "createdDateTime") ?? Str(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t) ? t : null,
            Principal = new Principal(PrincipalKind.User, Str(p, "userId"), upn ?? Str(root, "identity")),
            ResourceId = Str(root, "resourceId")?.ToLowerInvariant(),
            IpAddress = Str(p, "ipAddress") ?? Str(root, "callerIpAddress"),
            CorrelationId = Str(p, "correlationId") ?? Str(root, "correlationId"),
            TenantId = Str(root, "tenantId"),
            HomeTenantId = Str(p, "homeTenantId"),
            Id = Str(p, "id"),
            ResultDescription = Str(root, "resultDescription") ?? (status.ValueKind == JsonValueKind.Object ? Str(status, "failureReason") : null),
            UserPrincipalName = upn,
            AppId = Str(p, "appId"),
            AppDisplayName = Str(p, "appDisplayName"),
            ClientAppUsed = Str(p, "clientAppUsed"),
            ResourceDisplayName = Str(p, "resourceDisplayName"),
            Location = location.ValueKind == JsonValueKind.Object ? Str(location, "countryOrRegion") : Str(root, "location"),
            AutonomousSystemNumber = Str(p, "autonomousSystemNumber"),
            UserAgent = Str(p, "userAgent"),
            RiskLevelDuringSignIn = Str(p, "riskLevelDuringSignIn"),
            RiskLevelAggregated = Str(p, "riskLevelAggregated"),
            RiskState = Str(p, "riskState"),
            RiskEventTypes = risks,
            AuthenticationRequirement = Str(p, "authenticationRequirement"),
            ConditionalAccessStatus = Str(p, "conditionalAccessStatus"),
        };
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;
}
