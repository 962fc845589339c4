using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AttackMap.Sentinel;

/// <summary>Reads an analytics rule in the YAML template format of the Azure-Sentinel repository.</summary>
internal static class YamlRuleReader
{
    public static RuleFields Read(TextReader text, string file)
    {
        var stream = new YamlStream();
        var parser = new Parser(text);
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this bare exception (not a YamlException) when a flow collection ('[' or '{')
            // is left open and a plain scalar runs into the next line; the last event parsed is where it went wrong.
            var at = parser.Current?.End;
            throw new SentinelFormatException(
                "invalid YAML: a flow sequence '[' or mapping '{' is not closed (missing ']' or '}', or a value needs quotes)",
                at is { } mark ? (int)mark.Line : null,
                column: at is { } column ? (int)column.Column : null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SentinelFormatException("the file is not a YAML mapping", 1);
        }

        var line = (int)root.Start.Line;
        var fields = new RuleFields { Format = SentinelRuleFormat.Yaml, SourceFile = file, Location = $"line {line}", Line = line };
        fields.Id = Scalar(root, "id");
        fields.Name = Scalar(root, "name");
        fields.Description = Scalar(root, "description")?.Trim();
        fields.Severity = Scalar(root, "severity");
        fields.Kind = Scalar(root, "kind");
        fields.Status = Scalar(root, "status");
        fields.QueryFrequency = Scalar(root, "queryFrequency");
        fields.QueryPeriod = Scalar(root, "queryPeriod");
        fields.TriggerOperator = Scalar(root, "triggerOperator");
        fields.TriggerThreshold = Scalar(root, "triggerThreshold");
        fields.Query = Scalar(root, "query");
        fields.Tactics.AddRange(Scalars(Child(root, "tactics")));
        fields.Techniques.AddRange(Scalars(Child(root, "relevantTechniques")));
        if (Child(root, "requiredDataConnectors") is YamlSequenceNode connectors)
        {
            foreach (var connector in connectors.Children.OfType<YamlMappingNode>())
            {
                fields.DataTypes.AddRange(Scalars(Child(connector, "dataTypes")));
            }
        }

        if (string.IsNullOrWhiteSpace(fields.Name) && string.IsNullOrWhiteSpace(fields.Id))
        {
            throw new SentinelFormatException("not an analytics rule: it has neither 'id' nor 'name'", line);
        }

        if (fields.Query is null)
        {
            var kind = fields.Kind ?? "Scheduled";
            if (kind.Equals("Scheduled", StringComparison.OrdinalIgnoreCase) || kind.Equals("NRT", StringComparison.OrdinalIgnoreCase))
            {
                throw new SentinelFormatException($"the {kind} rule has no 'query'", line);
            }
        }

        return fields;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { } value } node && !(node.Style == ScalarStyle.Plain && value.Length == 0) ? value : null;

    private static IEnumerable<string> Scalars(YamlNode? node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!),
        YamlScalarNode { Value: { Length: > 0 } value } => new[] { value.Trim() },
        _ => Enumerable.Empty<string>(),
    };
}
