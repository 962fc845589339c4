namespace AttackMap.Attack;

/// <summary>An ATT&amp;CK tactic (a column of the matrix).</summary>
public sealed record Tactic
{
    /// <summary>Creates a tactic.</summary>
    /// <param name="id">The ATT&amp;CK id (for example <c>TA0006</c>).</param>
    /// <param name="shortName">The kill-chain shortname used by STIX and Navigator layers (for example <c>credential-access</c>).</param>
    /// <param name="name">The display name (for example <c>Credential Access</c>).</param>
    /// <param name="order">The 0-based position of the tactic in the matrix.</param>
    public Tactic(string id, string shortName, string name, int order)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        ShortName = shortName ?? throw new ArgumentNullException(nameof(shortName));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Order = order;
    }

    /// <summary>Gets the ATT&amp;CK id (for example <c>TA0006</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the kill-chain shortname (for example <c>credential-access</c>).</summary>
    public string ShortName { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the 0-based position in the matrix.</summary>
    public int Order { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
