using Grading.Core.Reports.Html;

namespace Grading.Core.Tests.Reports.Html;

public class SvgIdsTests
{
    [Fact]
    public void Prefix_IdsAndTheirReferences_AllPrefixed()
    {
        var svg = "<svg><clipPath id=\"c1\"/><g clip-path=\"url(#c1)\"><use xlink:href=\"#c1\"/><use href=\"#c1\"/></g></svg>";

        Assert.Equal(
            "<svg><clipPath id=\"a-c1\"/><g clip-path=\"url(#a-c1)\"><use xlink:href=\"#a-c1\"/><use href=\"#a-c1\"/></g></svg>",
            SvgIds.Prefix(svg, "a-"));
    }
}
