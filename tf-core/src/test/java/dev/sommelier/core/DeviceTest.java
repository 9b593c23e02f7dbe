package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceTest {

  @Test
  void parsesTheAcceptedForms() {
    assertEquals(Device.CPU, Device.parse("cpu"));
    assertEquals(new Device(Device.Kind.GPU, 0), Device.parse("GPU"));
    assertEquals(new Device(Device.Kind.GPU, 3), Device.parse("gpu:3"));
    assertEquals("gpu:3", Device.parse("gpu:3").toString());
  }

  @Test
  void rejectsOtherTextNamingTheForms() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
    assertTrue(e.getMessage().contains("cpu, gpu or gpu:N"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Device.parse("gpu:x"));
  }

  @Test
  void cpuIsAlwaysListed() {
    assertTrue(DeviceInventory.contains(DeviceInventory.list(), Device.CPU));
  }

  @Test
  void aGpuTheRuntimeDoesNotSeeIsAnErrorListingTheDevicesItSees() {
    Device absent = new Device(Device.Kind.GPU, 63);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelRuntime.open(absent, 1));
    assertTrue(e.getMessage().contains("gpu:63 is not available"), e.getMessage());
    assertTrue(e.getMessage().contains("device:CPU:0"), e.getMessage());
  }
}
