"""Drives python-dbusmock's bluez5 template for BluezCentralIT: one command per run.

The mock (python3 -m dbusmock --template bluez5) must already own org.bluez on the bus at
$DBUS_SYSTEM_BUS_ADDRESS. Each device gets the Nordic UART service as real BlueZ exports it:
a GattService1 object with two GattCharacteristic1 children; their mocked methods record calls.
"""

import sys

import dbus
import dbusmock

MOCK = 'org.freedesktop.DBus.Mock'
BLUEZ_MOCK = 'org.bluez.Mock'
ADAPTER = 'org.bluez.Adapter1'
DEVICE = 'org.bluez.Device1'
SERVICE = 'org.bluez.GattService1'
CHARACTERISTIC = 'org.bluez.GattCharacteristic1'
NUS = '6e400001-b5a3-f393-e0a9-e50e24dcca9e'
NUS_RX = '6e400002-b5a3-f393-e0a9-e50e24dcca9e'
NUS_TX = '6e400003-b5a3-f393-e0a9-e50e24dcca9e'

# Real BlueZ: Connect returns once linked; ServicesResolved follows after GATT discovery.
CONNECT = '''
self.connected = True
self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True, variant_level=1)})
self.UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(True, variant_level=1)})
'''


def bus():
    return dbusmock.DBusTestCase.get_dbus(system_bus=True)


def mock(path, interface=MOCK):
    return dbus.Interface(bus().get_object('org.bluez', path), interface)


def device_path(adapter, address):
    return f"/org/bluez/{adapter}/dev_{address.replace(':', '_').upper()}"


def gatt_path(adapter, address, which):
    service = device_path(adapter, address) + '/service000a'
    return {'service': service, 'rx': service + '/char000b', 'tx': service + '/char000d'}[which]


def wait():
    dbusmock.DBusTestCase.wait_for_bus_object('org.bluez', '/', system_bus=True, timeout=100)


def adapter(name, powered='on'):
    mock('/', BLUEZ_MOCK).AddAdapter(name, 'sngw-test')
    if powered == 'off':
        mock('/org/bluez/' + name).UpdateProperties(ADAPTER, {'Powered': dbus.Boolean(False)})


def device(adapter_name, address, *flags):
    path = mock('/', BLUEZ_MOCK).AddDevice(adapter_name, address, 'sensor')
    mock(path).AddMethod(DEVICE, 'Connect', '', '', CONNECT)
    if 'no-gatt' in flags:
        return
    root = mock('/')
    root.AddObject(gatt_path(adapter_name, address, 'service'), SERVICE, {
        'UUID': dbus.String(NUS),
        'Primary': dbus.Boolean(True),
        'Device': dbus.ObjectPath(path),
        'Includes': dbus.Array([], signature='o'),
    }, [])
    for which, uuid, char_flags in (('rx', NUS_RX, ['write', 'write-without-response']),
                                    ('tx', NUS_TX, ['notify'])):
        properties = {
            'UUID': dbus.String(uuid),
            'Service': dbus.ObjectPath(gatt_path(adapter_name, address, 'service')),
            'Value': dbus.Array([], signature='y'),
            'Notifying': dbus.Boolean(False),
            'Flags': dbus.Array(char_flags, signature='s'),
        }
        if 'no-mtu' not in flags:
            properties['MTU'] = dbus.UInt16(247)
        root.AddObject(gatt_path(adapter_name, address, which), CHARACTERISTIC, properties, [
            ('ReadValue', 'a{sv}', 'ay', 'ret = dbus.Array([], signature="y")'),
            ('WriteValue', 'aya{sv}', '', ''),
            ('StartNotify', '', '', ''),
            ('StopNotify', '', '', ''),
        ])


def advertise(adapter_name, address):
    """What BlueZ does when an advertisement with the service arrives: new UUIDs, fresh RSSI."""
    mock(device_path(adapter_name, address)).UpdateProperties(DEVICE, {
        'UUIDs': dbus.Array([NUS], signature='s'),
        'RSSI': dbus.Int16(-60),
    })


def notify(adapter_name, address, hex_bytes):
    value = dbus.Array([dbus.Byte(b) for b in bytes.fromhex(hex_bytes)], signature='y')
    mock(gatt_path(adapter_name, address, 'tx')).UpdateProperties(CHARACTERISTIC, {'Value': value})


def drop(adapter_name, address):
    """The peripheral went out of range: BlueZ reports Connected=false."""
    mock('/', BLUEZ_MOCK).DisconnectDevice(adapter_name, address)


def calls(adapter_name, address, which, method):
    """One line per recorded call: its arguments, bytes as hex, dicts as key=value."""
    path = device_path(adapter_name, address) if which == 'device' else gatt_path(adapter_name, address, which)
    for _, args in mock(path).GetMethodCalls(method):
        print(' '.join(render(arg) for arg in args))


def render(arg):
    if isinstance(arg, dbus.Array):
        return bytes(int(b) for b in arg).hex()
    if isinstance(arg, dbus.Dictionary):
        return ','.join(f'{k}={v}' for k, v in sorted(arg.items()))
    return str(arg)


def discovery(adapter_name):
    """The adapter's discovery state and the filter last set on it."""
    props = dbus.Interface(bus().get_object('org.bluez', '/org/bluez/' + adapter_name),
                           dbus.PROPERTIES_IFACE).GetAll(ADAPTER)
    print('discovering' if props['Discovering'] else 'idle')
    for key, value in sorted(props.get('DiscoveryFilter', {}).items()):
        print(f"{key}={','.join(value) if isinstance(value, dbus.Array) else value}")


if __name__ == '__main__':
    globals()[sys.argv[1]](*sys.argv[2:])
