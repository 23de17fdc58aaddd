package dev.rareclass.smile;

import java.util.Map;

/**
 * The parameters Smile's tree kinds (decision tree, random forest, gradient boosting, AdaBoost) share: their
 * names, and how the tree shape is written back as user parameters.
 */
interface SmileTreeParams extends SmileParams {

    String TREES = "trees";
    String MAX_DEPTH = "max-depth";
    String MAX_NODES = "max-nodes";
    String NODE_SIZE = "node-size";

    /** Puts {@code max-depth}, {@code max-nodes} (left out while 0, Smile's default) and {@code node-size}, in that order. */
    static void putTreeShape(Map<String, String> m, int maxDepth, int maxNodes, int nodeSize) {
        m.put(MAX_DEPTH, Integer.toString(maxDepth));
        if (maxNodes > 0) {
            m.put(MAX_NODES, Integer.toString(maxNodes));
        }
        m.put(NODE_SIZE, Integer.toString(nodeSize));
    }
}
