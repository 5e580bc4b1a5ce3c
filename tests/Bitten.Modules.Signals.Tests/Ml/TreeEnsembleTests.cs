using Bitten.Modules.Signals.Ml;

namespace Bitten.Modules.Signals.Tests.Ml;

public sealed class TreeEnsembleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(301)]
    public void Margin_EqualsATreeAtATimeWalk_BitForBit_ForUnevenTreesAndMissingValues(int treeCount)
    {
        var random = new Random(treeCount);
        const int features = 6;
        var roots = new int[treeCount];
        var nodes = new List<TreeNode>();
        for (var t = 0; t < treeCount; t++)
        {
            roots[t] = nodes.Count;
            Grow(nodes, random, features, depth: random.Next(0, 6)); // depth 0: a tree that is one leaf
        }

        var ensemble = new TreeEnsemble(features, -0.37, roots, [.. nodes]);
        for (var r = 0; r < 500; r++)
        {
            var x = new float[features];
            for (var f = 0; f < features; f++)
            {
                x[f] = random.Next(10) == 0 ? float.NaN : (float)random.NextDouble();
            }

            var expected = -0.37;
            foreach (var root in roots)
            {
                var i = root;
                while (nodes[i].Feature >= 0)
                {
                    i = nodes[i].Left + (x[nodes[i].Feature] > nodes[i].Value ? 1 : 0);
                }

                expected += nodes[i].Value;
            }

            BitConverter.DoubleToInt64Bits(ensemble.Margin(x)).ShouldBe(BitConverter.DoubleToInt64Bits(expected)); // same additions in the same order
        }
    }

    // Both children of a split adjacent (left at Left, right at Left + 1), as the trainer lays them out.
    private static void Grow(List<TreeNode> nodes, Random random, int features, int depth)
    {
        nodes.Add(default);
        Fill(nodes, random, features, nodes.Count - 1, depth);
    }

    private static void Fill(List<TreeNode> nodes, Random random, int features, int slot, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            nodes[slot] = new TreeNode(-1, (float)(random.NextDouble() - 0.5), 0);
            return;
        }

        var left = nodes.Count;
        nodes.Add(default);
        nodes.Add(default);
        nodes[slot] = new TreeNode(random.Next(features), (float)random.NextDouble(), left);
        Fill(nodes, random, features, left, depth - 1);
        Fill(nodes, random, features, left + 1, depth - 1);
    }
}
