import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';

// leaflet.markercluster is a classic plugin that extends the global `L`. Leaflet's UMD build sets
// window.L as it loads, but say so here rather than rely on it: the plugin is loaded only after
// this assignment (see cluster.ts), whatever the bundler does with the import order.
(window as unknown as { L: typeof L }).L = L;

export default L;
