using AttackMap.Signals;

namespace AttackMap.Tests.Signals;

public sealed class PrincipalTests
{
    [Fact]
    public void Key_ObjectIdPresent_IsLowerCasedObjectId()
    {
        var principal = new Principal(PrincipalKind.User, "8A2E1C3B-0000-4000-8000-00000000A001", "Avery.Quinn@contoso-lab.example");

        principal.Key.Should().Be("8a2e1c3b-0000-4000-8000-00000000a001");
        principal.Name.Should().Be("Avery.Quinn@contoso-lab.example");
    }

    [Fact]
    public void Key_OnlyName_IsLowerCasedName()
    {
        new Principal(PrincipalKind.User, null, " Avery.Quinn@Contoso-Lab.example ").Key.Should().Be("avery.quinn@contoso-lab.example");
    }

    [Fact]
    public void IsEmpty_NothingKnown_IsTrue()
    {
        new Principal(PrincipalKind.Unknown, " ", null).IsEmpty.Should().BeTrue();
    }
}
