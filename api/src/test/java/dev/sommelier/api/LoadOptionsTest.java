package dev.sommelier.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import org.junit.jupiter.api.Test;

/** The load options' defaults, the two-value constructor kept from before, and the copies. */
class LoadOptionsTest {

  @Test
  void defaultsAreFloat32FrozenAndEveryWithKeepsTheRest() {
    assertEquals(Precision.FP32, LoadOptions.DEFAULT.precision());
    assertTrue(LoadOptions.DEFAULT.frozen());
    assertEquals(new LoadOptions(Device.CPU, 10, Precision.FP32, true),
        new LoadOptions(Device.CPU, 10));
    LoadOptions o = LoadOptions.DEFAULT.withMaxPixels(10).withPrecision(Precision.MIXED)
        .withFrozen(false);
    assertEquals(new LoadOptions(Device.CPU, 10, Precision.MIXED, false), o);
    assertEquals(Precision.MIXED, o.withDevice(Device.CPU).withMaxPixels(20).precision());
    assertFalse(o.withPrecision(Precision.FP32).frozen());
  }
}
