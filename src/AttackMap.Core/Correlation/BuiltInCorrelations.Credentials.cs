using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>Built-in correlations over sign-in failures: guessing, spraying, success after failures, MFA flooding.</summary>
internal static partial class BuiltInCorrelations
{
    private static CorrelationRule PasswordGuessing() => new(
        "correlation.password-guessing",
        TimeSpan.FromMinutes(10),
        new[] { new CorrelationStep("failed-password", new[] { SignIns(PasswordFailureCodes) }) { MinCount = 10 } },
        new[] { "T1110.001" },
        EvidenceKind.DirectDetection,
        "Ten or more wrong-password failures (50126, 50053 lockout, 50064) for one account within ten minutes is far above what a user mistyping produces; it is someone cycling through candidate passwords for that account.")
    {
        Name = "Password guessing against one account",
        GroupBy = CorrelationKey.Principal,
    };

    private static CorrelationRule PasswordSpraying() => new(
        "correlation.password-spraying",
        TimeSpan.FromMinutes(30),
        new[] { new CorrelationStep("failed-password", new[] { SignIns(SprayFailureCodes) }) { MinCount = 5, DistinctField = "principal", MinDistinct = 5 } },
        new[] { "T1110.003" },
        EvidenceKind.DirectDetection,
        "One client IP failing the password check for five or more different accounts within thirty minutes tries few passwords against many users, the shape of a spray rather than one user's typo.")
    {
        Name = "Password spraying from one IP",
        GroupBy = CorrelationKey.IpAddress,
    };

    private static CorrelationRule PasswordSprayingByAsn() => new(
        "correlation.password-spraying-asn",
        TimeSpan.FromMinutes(30),
        new[] { new CorrelationStep("failed-password", new[] { SignIns(SprayFailureCodes) }) { MinCount = 10, DistinctField = "principal", MinDistinct = 10 } },
        new[] { "T1110.003" },
        EvidenceKind.DirectDetection,
        "Sprays rotate source IPs inside one hosting network to stay under per-IP limits; ten or more accounts failing from one autonomous system within thirty minutes catches the rotation the per-IP rule misses.")
    {
        Name = "Password spraying from one network (ASN)",
        GroupBy = CorrelationKey.AutonomousSystem,
    };

    private static CorrelationRule SuccessAfterFailures() => new(
        "correlation.success-after-failures",
        TimeSpan.FromMinutes(30),
        new[]
        {
            new CorrelationStep("failed-password", new[] { SignIns(PasswordFailureCodes) }) { MinCount = 5 },
            new CorrelationStep("success", new[] { SignIns("0") }),
        },
        new[] { "T1110.001", "T1078.004" },
        EvidenceKind.DirectDetection,
        "Five or more wrong-password failures followed, within thirty minutes, by a successful sign-in of the same account suggests the guessing worked: from here on the attacker holds a valid cloud account.")
    {
        Name = "Successful sign-in after a run of failures",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };

    private static CorrelationRule MfaRequestFlooding() => new(
        "correlation.mfa-request-flooding",
        TimeSpan.FromMinutes(30),
        new[] { new CorrelationStep("mfa-denied", new[] { SignIns(MfaFailureCodes) }) { MinCount = 5 } },
        new[] { "T1621" },
        EvidenceKind.DirectDetection,
        "Five or more denied, timed-out or failed MFA prompts (500121, 50088, 50158) for one user within thirty minutes means someone who already has the password keeps pushing prompts hoping the user gives in.")
    {
        Name = "MFA request flooding",
        GroupBy = CorrelationKey.Principal,
    };

    private static CorrelationRule MfaFloodingThenSuccess() => new(
        "correlation.mfa-flooding-then-success",
        TimeSpan.FromMinutes(30),
        new[]
        {
            new CorrelationStep("mfa-denied", new[] { SignIns(MfaFailureCodes) }) { MinCount = 3 },
            new CorrelationStep("success", new[] { SignIns("0") }),
        },
        new[] { "T1621", "T1078.004" },
        EvidenceKind.DirectDetection,
        "Three or more failed MFA prompts followed by a successful sign-in of the same user within thirty minutes is the moment prompt bombing works: the user finally approved and the account is in use.")
    {
        Name = "MFA flooding followed by a success",
        GroupBy = CorrelationKey.Principal,
        Ordered = true,
    };
}
