using System.Text.Json;
using AttackMap.Ingestion;

namespace AttackMap.Signals;

/// <summary>
/// The entities of one Defender alert, parsed once from their JSON text with <c>$id</c>/<c>$ref</c> references linked.
/// </summary>
/// <remarks>
/// A reference resolves to the nearest object with that <c>$id</c> that starts before it in document order: Json.NET
/// writes every <c>$id</c> before its references, and exports that concatenate several payloads reuse ids, so among
/// duplicate ids the last one defined before the reference wins. A reference with no earlier definition (an id never
/// defined, or defined only later) stays unresolved and is reported. A reference to an enclosing object (a cycle) is
/// linked like any other; walks are bounded by the path length, so cycles cannot loop.
/// </remarks>
internal sealed class AlertEntityGraph
{
    private static readonly AlertEntityGraph Empty = new(null, Array.Empty<AlertEntity>(), Array.Empty<string>());

    private AlertEntityGraph(EntityNode? root, IReadOnlyList<AlertEntity> entities, IReadOnlyList<string> unresolved)
    {
        Root = root;
        Entities = entities;
        UnresolvedReferences = unresolved;
    }

    /// <summary>Gets the published value (array or object), or null when the text was absent or not JSON.</summary>
    public EntityNode? Root { get; }

    /// <summary>Gets every entity once, in document order.</summary>
    public IReadOnlyList<AlertEntity> Entities { get; }

    /// <summary>Gets the distinct ids of references that did not resolve, in document order.</summary>
    public IReadOnlyList<string> UnresolvedReferences { get; }

    /// <summary>Parses <paramref name="json"/>; never throws.</summary>
    public static AlertEntityGraph Parse(string? json)
    {
        if (!RecordView.TryParseJsonText(json, out var root))
        {
            return Empty;
        }

        var builder = new Builder();
        var node = builder.Visit(root, owner: null, topLevel: root.ValueKind == JsonValueKind.Object, itemsAreTopLevel: true);
        var entities = new AlertEntity[builder.EntityNodes.Count];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = builder.EntityNodes[i].Entity!;
        }

        return new AlertEntityGraph(node, entities, builder.Unresolved.Count == 0 ? Array.Empty<string>() : builder.Unresolved.ToArray());
    }

    /// <summary>Returns the value at <paramref name="path"/> from the published root (array indexes as published), or null.</summary>
    public string? Resolve(string path) => Root is null ? null : EntityPath.Text(Root, path);

    private static void AddDistinct(List<string> list, string value)
    {
        foreach (var existing in list)
        {
            if (string.Equals(existing, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        list.Add(value);
    }

    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private sealed class Builder
    {
        private readonly Dictionary<string, EntityNode> _lastDefinition = new(StringComparer.Ordinal);

        public List<EntityNode> EntityNodes { get; } = new();

        public List<string> Unresolved { get; } = new();

        public EntityNode Visit(JsonElement element, List<string>? owner, bool topLevel, bool itemsAreTopLevel)
        {
            var node = new EntityNode(element);
            if (element.ValueKind == JsonValueKind.Array)
            {
                var items = new List<EntityNode>();
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Visit(item, owner, itemsAreTopLevel && item.ValueKind == JsonValueKind.Object, itemsAreTopLevel: false));
                }

                node.Items = items.ToArray();
                return node;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return node;
            }

            string? id = null;
            string? reference = null;
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, "$id", StringComparison.OrdinalIgnoreCase))
                {
                    id = IdText(property.Value);
                }
                else if (string.Equals(property.Name, "$ref", StringComparison.OrdinalIgnoreCase))
                {
                    reference = IdText(property.Value);
                }
            }

            if (reference is not null && id is null)
            {
                node.ReferenceId = reference;
                if (_lastDefinition.TryGetValue(reference, out var target))
                {
                    node.Target = target;
                }
                else
                {
                    if (owner is not null)
                    {
                        AddDistinct(owner, reference);
                    }

                    AddDistinct(Unresolved, reference);
                }

                return node;
            }

            // Registered before the members are visited, so a reference inside the object to its own id is a cycle to itself.
            var isEntity = id is not null || topLevel;
            var collector = owner;
            if (isEntity)
            {
                if (id is not null)
                {
                    _lastDefinition[id] = node;
                }

                EntityNodes.Add(node);
                collector = new List<string>();
            }

            var properties = new Dictionary<string, EntityNode>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                properties[property.Name] = Visit(property.Value, collector, topLevel: false, itemsAreTopLevel: false);
            }

            node.Properties = properties;
            if (isEntity)
            {
                node.Entity = new AlertEntity(node, id, collector!.Count == 0 ? Array.Empty<string>() : collector.ToArray());
            }

            return node;
        }
    }
}
