using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace AttackMap.Tests.Detections;

/// <summary>Reads the query of every rule in a Sentinel rule folder, keyed like tests/kql/list-tables.js keys them.</summary>
internal static class SentinelRuleQueries
{
    public static SortedDictionary<string, string> Read(string folder)
    {
        var queries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            queries[Path.GetFileName(file)] = ((YamlScalarNode)root.Children[new YamlScalarNode("query")]).Value!;
        }

        var arm = Path.Combine(folder, "arm");
        foreach (var file in Directory.Exists(arm) ? Directory.EnumerateFiles(arm, "*.json") : Enumerable.Empty<string>())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var rules = document.RootElement.GetProperty("resources").EnumerateArray()
                .Where(r => r.TryGetProperty("properties", out var p) && p.TryGetProperty("query", out _))
                .Select(r => r.GetProperty("properties").GetProperty("query").GetString()!)
                .ToList();
            for (var i = 0; i < rules.Count; i++)
            {
                queries[rules.Count == 1 ? $"arm/{Path.GetFileName(file)}" : $"arm/{Path.GetFileName(file)}#{i}"] = rules[i];
            }
        }

        return queries;
    }
}
