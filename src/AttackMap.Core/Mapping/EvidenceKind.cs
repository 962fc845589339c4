namespace AttackMap.Mapping;

/// <summary>How strongly a signal supports a technique.</summary>
public enum EvidenceKind
{
    /// <summary>The signal observes the technique itself (a Defender alert, a risky sign-in).</summary>
    DirectDetection = 0,

    /// <summary>The signal is a step an attacker would take, but also routine administration; it becomes a finding through correlation.</summary>
    CorrelationContext = 1,

    /// <summary>The signal shows posture that makes the technique possible (an exposed management port), not the technique being used.</summary>
    Precondition = 2,

    /// <summary>No technique fits honestly without more context; an analyst should decide.</summary>
    NeedsReview = 3,
}
