using AttackMap.Tests.Support;
using System.Text;
using AttackMap.Ingestion;
using AttackMap.Signals;

namespace AttackMap.Tests.Ingestion;

/// <summary>Streaming behaviour of the JSON Lines sign-in path: cancellation between records, memory bounded by the largest record.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class LogReaderStreamingTests
{
    private const string Line =
        "{\"time\":\"2026-11-20T08:05:12.4718203Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{"
        + "\"createdDateTime\":\"2026-11-20T08:05:12.4718203+00:00\",\"userPrincipalName\":\"avery.quinn@contoso-lab.example\","
        + "\"userId\":\"00000000-0000-4000-8000-0000000000a1\",\"ipAddress\":\"203.0.113.7\",\"status\":{\"errorCode\":0},"
        + "\"appliedConditionalAccessPolicies\":[{\"id\":\"00000000-0000-4000-8000-000000000ca1\",\"result\":\"success\"}]}}\n";

    [Fact]
    public void Read_CancelledMidStream_ThrowsAfterTheRecordsAlreadyRead()
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new RepeatingStream(Encoding.UTF8.GetBytes(Line), 1000);
        var read = new List<LogRecord>();

        var act = () =>
        {
            foreach (var record in new LogReader().Read(stream, "stream.jsonl", cancellation.Token))
            {
                read.Add(record);
                if (read.Count == 10)
                {
                    cancellation.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        read.Should().HaveCount(10);
        read[9].Origin.RecordIndex.Should().Be(9);
        ((EntraSignIn)read[9].Signal!).UserPrincipalName.Should().Be("avery.quinn@contoso-lab.example");
    }

    [Fact]
    public void Read_ManyLines_HeapStaysBoundedAndEveryLineIsASignal()
    {
        const int lines = 60_000; // about 30 MB streamed
        using var stream = new RepeatingStream(Encoding.UTF8.GetBytes(Line), lines);
        long signals = 0;
        long largestHeap = 0;

        // Measure growth over what earlier tests left alive (cached catalogs, engines), not the whole heap.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var record in new LogReader().Read(stream, "stream.jsonl"))
        {
            signals += record.Signal is EntraSignIn { IpAddress: "203.0.113.7" } ? 1 : 0;
            if (signals % 20_000 == 0)
            {
                largestHeap = Math.Max(largestHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        signals.Should().Be(lines);
        (largestHeap - baseline).Should().BeLessThan(16L * 1024 * 1024, "the reader keeps one line buffer, not the 30 MB stream");
    }

    // A non-seekable stream that yields the same bytes count times, without holding them all.
    private sealed class RepeatingStream : Stream
    {
        private readonly byte[] _unit;
        private long _remaining;
        private int _position;

        public RepeatingStream(byte[] unit, long count)
        {
            _unit = unit;
            _remaining = count;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _remaining > 0)
            {
                var n = Math.Min(count - written, _unit.Length - _position);
                Buffer.BlockCopy(_unit, _position, buffer, offset + written, n);
                written += n;
                _position += n;
                if (_position == _unit.Length)
                {
                    _position = 0;
                    _remaining--;
                }
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
