/**
 * Heads that sit on a backbone's feature map: softmax classifier, ReLU-Dense-1 regressor and MLP.
 * Not built yet (issue 3); the module exists so the build has its final shape.
 */
package dev.sommelier.heads;
