package dev.rareclass.smile;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.RegressionNode;

/**
 * Checks a Smile tree read from a model file before anything walks it. Java serialisation can hand back a graph that
 * is not a tree: a node that is its own descendant (scoring a row would loop for ever) or nodes shared by many parents
 * (Smile's recursive {@code size()} or {@code depth()}, or any walk, would take time exponential in the depth). One
 * visit per node, without recursion, finds both, and that every split names a feature the model has and every leaf is
 * of the kind expected.
 */
final class SmileTrees {

    /** Classification leaves (two class counts) or regression leaves (a finite output). */
    enum Leaves { BINARY, REGRESSION }

    private SmileTrees() {
    }

    /** What is wrong with the tree under {@code root}, or null if it is a tree of the expected shape. */
    static String problem(Node root, int features, Leaves leaves) {
        if (root == null) {
            return "it has no root";
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (!seen.add(node)) {
                return "a node is reached twice (it is not a tree)";
            }
            switch (node) {
                case InternalNode inner -> {
                    if (depth >= RandomForestParams.MAX_TREE_DEPTH) {
                        return "it is deeper than " + RandomForestParams.MAX_TREE_DEPTH;
                    }
                    if (inner.feature() < 0 || inner.feature() >= features) {
                        return "a split uses feature " + inner.feature() + " of " + features;
                    }
                    if (inner.trueChild() == null || inner.falseChild() == null) {
                        return "a split lacks a child";
                    }
                    nodes.push(inner.trueChild());
                    depths.push(depth + 1);
                    nodes.push(inner.falseChild());
                    depths.push(depth + 1);
                }
                case DecisionNode leaf when leaves == Leaves.BINARY -> {
                    if (leaf.count() == null || leaf.count().length != 2 || leaf.output() < 0 || leaf.output() > 1) {
                        return "a leaf is not of two classes";
                    }
                }
                case RegressionNode leaf when leaves == Leaves.REGRESSION -> {
                    if (!Double.isFinite(leaf.output())) {
                        return "a leaf's output is not finite";
                    }
                }
                default -> {
                    return "it holds a " + node.getClass().getName() + " node";
                }
            }
        }
        return null;
    }
}
