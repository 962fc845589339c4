using AttackMap.Attack;
using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>What one mapping rule concluded about one signal, for one technique.</summary>
public sealed class Evidence
{
    /// <summary>Creates evidence.</summary>
    /// <param name="signal">The signal the rule matched.</param>
    /// <param name="rule">The rule that matched.</param>
    /// <param name="technique">The technique the rule maps the signal to.</param>
    /// <param name="tactics">The tactic shortnames the evidence supports (the rule's, else the technique's).</param>
    public Evidence(Signal signal, MappingRule rule, Technique technique, IReadOnlyList<string> tactics)
    {
        Signal = signal ?? throw new ArgumentNullException(nameof(signal));
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Technique = technique ?? throw new ArgumentNullException(nameof(technique));
        Tactics = tactics ?? throw new ArgumentNullException(nameof(tactics));
    }

    /// <summary>Gets the signal the rule matched; its family, table and origin say which log proved the behaviour.</summary>
    public Signal Signal { get; }

    /// <summary>Gets the rule that matched.</summary>
    public MappingRule Rule { get; }

    /// <summary>Gets the technique.</summary>
    public Technique Technique { get; }

    /// <summary>Gets the tactic shortnames the evidence supports.</summary>
    public IReadOnlyList<string> Tactics { get; }

    /// <summary>Gets the evidence kind (the rule's).</summary>
    public EvidenceKind Kind => Rule.Kind;

    /// <summary>Gets why the mapping holds (the rule's rationale).</summary>
    public string Rationale => Rule.Rationale;

    /// <summary>Gets the log family that proved the behaviour.</summary>
    public LogFamily Family => Signal.Family;

    /// <summary>Gets where the record was read.</summary>
    public SignalOrigin Origin => Signal.Origin;

    /// <summary>Gets a value indicating whether the signal is an Azure Activity operation that failed (kept, but marked).</summary>
    public bool IsFailedOperation => Signal is AzureActivityEvent { IsFailed: true };

    /// <summary>Gets the ATT&amp;CK ids the vendor attached to the record (Defender <c>techniques</c>/<c>subTechniques</c>), empty when none.</summary>
    public IReadOnlyList<string> VendorTechniques => Signal is DefenderAlert alert ? alert.VendorTechniques : Array.Empty<string>();

    /// <summary>
    /// Gets a value indicating whether the vendor named techniques and none of them is this evidence's technique, its parent
    /// or one of its sub-techniques; review such mappings, the vendor and the pack see the alert differently.
    /// </summary>
    public bool VendorDisagreement
    {
        get
        {
            var vendor = VendorTechniques;
            if (vendor.Count == 0)
            {
                return false;
            }

            var ours = BaseId(Technique.Id);
            for (var i = 0; i < vendor.Count; i++)
            {
                if (vendor[i] is not null && string.Equals(BaseId(vendor[i].Trim()), ours, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Technique.Id} ({Kind}) by {Rule.Id} from {Signal.Origin}";

    private static string BaseId(string id)
    {
        var dot = id.IndexOf('.');
        return dot < 0 ? id : id.Substring(0, dot);
    }
}
