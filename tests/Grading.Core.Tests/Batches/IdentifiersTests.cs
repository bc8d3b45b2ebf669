using Grading.Core.Batches;

namespace Grading.Core.Tests.Batches;

public class IdentifiersTests
{
    [Theory]
    [InlineData("s1")]
    [InlineData("S-001_b.2")]
    [InlineData("0")]
    [InlineData("a.b.c")]
    [InlineData("bio-101")]
    public void IsValid_SafeIds_AreAccepted(string id)
    {
        Assert.True(Identifiers.IsValid(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    [InlineData("_x")]
    [InlineData("-x")]
    [InlineData("x\n")]
    [InlineData("x\u0000")]
    [InlineData("ｓ１")]
    [InlineData("é")]
    [InlineData("C:")]
    [InlineData("a?b")]
    [InlineData("%2e%2e")]
    public void IsValid_UnsafeIds_AreRejected(string? id)
    {
        Assert.False(Identifiers.IsValid(id));
    }

    [Fact]
    public void IsValid_LengthLimit_Is128Characters()
    {
        Assert.True(Identifiers.IsValid(new string('a', Identifiers.MaxLength)));
        Assert.False(Identifiers.IsValid(new string('a', Identifiers.MaxLength + 1)));
    }

    [Theory]
    [InlineData("saf-mini", "saf-mini")]
    [InlineData("Week 3 (final).v2", "Week-3-final-v2")]
    [InlineData("..", "fallback")]
    [InlineData("日本語", "fallback")]
    public void FromName_AnyName_GivesAValidIdOrTheFallback(string name, string expected)
    {
        Assert.Equal(expected, Identifiers.FromName(name, "fallback"));
    }

    [Theory]
    [InlineData("..--..", 10, "")]
    [InlineData("a b c d e f", 5, "a-b-c")]
    public void Sanitise_AnyName_KeepsTheSafeAlphabetUpToTheLength(string name, int maxLength, string expected)
    {
        Assert.Equal(expected, Identifiers.Sanitise(name, maxLength));
    }

    [Fact]
    public void FromName_LongName_KeepsFortyCharacters()
    {
        Assert.Equal(new string('a', 40), Identifiers.FromName(new string('a', 60), "fallback"));
    }
}
