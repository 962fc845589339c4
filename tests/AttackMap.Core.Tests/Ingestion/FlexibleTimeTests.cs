using AttackMap.Ingestion;

namespace AttackMap.Tests.Ingestion;

public sealed class FlexibleTimeTests
{
    [Theory]
    [InlineData("2019-03-12T16:02:15.5522137Z", "2019-03-12T16:02:15.5522137Z")]
    [InlineData("2019-03-12T16:02:15.5522137+00:00", "2019-03-12T16:02:15.5522137Z")]
    [InlineData("2021-06-30T16:34:32Z", "2021-06-30T16:34:32Z")]
    [InlineData("2022-09-09T8:48:50.361Z", "2022-09-09T08:48:50.361Z")]
    [InlineData("8/22/2022 6:07:16 PM", "2022-08-22T18:07:16Z")]
    [InlineData("4/28/2021, 2:08:45.221 PM", "2021-04-28T14:08:45.221Z")]
    [InlineData("2019-01-12 06:41:44", "2019-01-12T06:41:44Z")]
    [InlineData("2022-07-03 09:12:07.122000+00:00", "2022-07-03T09:12:07.122Z")]
    [InlineData("Fri, 21 Jul 2017 01:00:51 GMT", "2017-07-21T01:00:51Z")]
    [InlineData("1619619948", "2021-04-28T14:25:48Z")]
    [InlineData("1/9/2007 10:41:00 AM +01:00", "2007-01-09T09:41:00Z")]
    [InlineData("2007-01-09T09:41:00.535404056Z", "2007-01-09T09:41:00.5354040Z")]
    [InlineData("2007-01-09T11:41:00+02:00", "2007-01-09T09:41:00Z")]
    [InlineData("2007-01-09T09:41:00", "2007-01-09T09:41:00Z")]
    public void TryParse_KnownSpelling_ReturnsUtcInstant(string text, string expected)
    {
        FlexibleTime.TryParse(text, out var value).Should().BeTrue();

        value.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("13/45/2020 1:00:00 PM")]
    public void TryParse_Unparsable_ReturnsFalse(string? text)
    {
        FlexibleTime.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void TryParse_UnderGermanCulture_StillReadsUsForm()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            FlexibleTime.Parse("8/22/2022 6:07:16 PM").Should().Be(new DateTimeOffset(2022, 8, 22, 18, 7, 16, TimeSpan.Zero));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
