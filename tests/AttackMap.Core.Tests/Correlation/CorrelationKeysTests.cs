using AttackMap.Correlation;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Correlation;

public sealed class CorrelationKeysTests
{
    private const string Rg = "/subscriptions/00000000-0000-4000-8000-00000000c0de/resourcegroups/rg";

    [Theory]
    [InlineData(Rg + "/providers/microsoft.compute/virtualmachines/vm1", Rg + "/providers/microsoft.compute/virtualmachines/vm1")]
    [InlineData(Rg + "/providers/microsoft.compute/virtualmachines/vm1/extensions/x", Rg + "/providers/microsoft.compute/virtualmachines/vm1")]
    [InlineData(Rg + "/providers/microsoft.keyvault/vaults/kv/providers/microsoft.insights/diagnosticsettings/d", Rg + "/providers/microsoft.keyvault/vaults/kv")]
    [InlineData(Rg, Rg)]
    [InlineData(Rg + "/", Rg)]
    [InlineData(Rg + "/providers/microsoft.network", Rg + "/providers/microsoft.network")]
    public void RootOf_CutsAfterTheTopLevelResource(string id, string expected)
    {
        CorrelationKeys.RootOf(id).Should().Be(expected);
    }

    [Fact]
    public void Get_NormalizesCaseAndBlanks()
    {
        var signal = new CorrelationSignals().SignIn(CorrelationSignals.At(1, 0), CorrelationSignals.Avery, ip: " 203.0.113.9 ", asn: "AS64500");

        CorrelationKeys.Get(signal, CorrelationKey.IpAddress).Should().Be("203.0.113.9");
        CorrelationKeys.Get(signal, CorrelationKey.AutonomousSystem).Should().Be("as64500");
        CorrelationKeys.Get(signal, CorrelationKey.Tenant).Should().BeNull();
        CorrelationKeys.GetField(signal, "location").Should().Be("gb");
        CorrelationKeys.GetField(signal, "principal").Should().Be(CorrelationSignals.Avery);
    }

    [Fact]
    public void Get_EmptyPrincipal_IsNoKey()
    {
        var alert = new DefenderAlert(new SignalOrigin("a", 0), "X") { Principal = new Principal(PrincipalKind.Unknown, null, null) };

        CorrelationKeys.Get(alert, CorrelationKey.Principal).Should().BeNull();
        CorrelationKeys.Get(alert, CorrelationKey.ResourceRoot).Should().BeNull();
    }
}
