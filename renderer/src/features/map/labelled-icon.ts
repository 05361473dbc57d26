import L from './leaflet';

/**
 * A divIcon whose element carries an aria-label. Leaflet makes keyboard-enabled marker icons
 * focusable buttons; this names them without an extra hidden element per marker, which matters
 * when a zoom adds a thousand markers and the browser restyles every element in them.
 */
export class LabelledDivIcon extends L.DivIcon {
  constructor(
    options: L.DivIconOptions,
    private readonly label: string,
  ) {
    super(options);
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const element = super.createIcon(oldIcon);
    element.setAttribute('aria-label', this.label);
    return element;
  }
}
