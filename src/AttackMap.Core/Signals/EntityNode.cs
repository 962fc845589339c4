using System.Text.Json;

namespace AttackMap.Signals;

/// <summary>
/// One value of a Defender alert's entity tree, with <c>{"$ref":"n"}</c> objects linked to the object they name.
/// Built once by <see cref="AlertEntityGraph"/> and never changed afterwards.
/// </summary>
internal sealed class EntityNode
{
    public EntityNode(JsonElement element)
    {
        Element = element;
    }

    /// <summary>Gets the value as published.</summary>
    public JsonElement Element { get; }

    /// <summary>Gets or sets the members of an object (case-insensitive, the last duplicate wins); null for references and non-objects.</summary>
    public Dictionary<string, EntityNode>? Properties { get; set; }

    /// <summary>Gets or sets the items of an array.</summary>
    public EntityNode[]? Items { get; set; }

    /// <summary>Gets or sets the id a <c>{"$ref":"n"}</c> object names.</summary>
    public string? ReferenceId { get; set; }

    /// <summary>Gets or sets the object a reference resolved to, or null when unresolved.</summary>
    public EntityNode? Target { get; set; }

    /// <summary>Gets or sets the entity this object is, when it is one.</summary>
    public AlertEntity? Entity { get; set; }

    /// <summary>Gets the referenced object for a resolved reference, else this node.</summary>
    public EntityNode Dereferenced => Target ?? this;

    /// <summary>Returns a direct member, references followed, or null.</summary>
    public EntityNode? Member(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) ? value.Dereferenced : null;
}
