using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

internal static class IngestionTestHelper
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingestion", name);

    public static List<LogRecord> ReadBytes(byte[] bytes, LogReaderOptions? options = null, string name = "memory")
    {
        using var stream = new MemoryStream(bytes);
        return new LogReader(options ?? new LogReaderOptions()).Read(stream, name).ToList();
    }

    public static List<LogRecord> ReadText(string text, LogReaderOptions? options = null) =>
        ReadBytes(System.Text.Encoding.UTF8.GetBytes(text), options);
}
