/**
 * The ChatKit widget schema as it arrives over the wire.
 *
 * Field names follow the protocol exactly (camelCase, as the server's widget
 * JSON uses them). Every prop is optional unless the protocol requires it,
 * because nothing on the server validates widget JSON: the renderer has to
 * cope with whatever comes.
 */

export type ThemeName = 'light' | 'dark';
export interface ThemeColor {
  light: string;
  dark: string;
}
export type ColorValue = string | ThemeColor;

/** A spacing unit (number) or any CSS length. */
export type Length = number | string;

export interface Spacing {
  top?: Length;
  right?: Length;
  bottom?: Length;
  left?: Length;
  x?: Length;
  y?: Length;
}

export type BorderStyle =
  'solid' | 'dashed' | 'dotted' | 'double' | 'groove' | 'ridge' | 'inset' | 'outset';

export interface BorderSpec {
  size: number;
  color?: ColorValue;
  style?: BorderStyle;
}

export interface Borders {
  top?: number | BorderSpec;
  right?: number | BorderSpec;
  bottom?: number | BorderSpec;
  left?: number | BorderSpec;
  x?: number | BorderSpec;
  y?: number | BorderSpec;
}

export type Radius =
  '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl' | '3xl' | '4xl' | 'full' | '100%' | 'none';

export type Alignment = 'start' | 'center' | 'end' | 'baseline' | 'stretch';
export type Justification =
  'start' | 'center' | 'end' | 'between' | 'around' | 'evenly' | 'stretch';
export type TextAlign = 'start' | 'center' | 'end';
export type FontWeight = 'normal' | 'medium' | 'semibold' | 'bold';
export type TextSize = 'xs' | 'sm' | 'md' | 'lg' | 'xl';
export type TitleSize = 'sm' | 'md' | 'lg' | 'xl' | '2xl' | '3xl' | '4xl' | '5xl';
export type CaptionSize = 'sm' | 'md' | 'lg';
export type IconSize = 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl' | '3xl';
export type ControlVariant = 'solid' | 'soft' | 'outline' | 'ghost';
export type ControlSize = '3xs' | '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl' | '3xl';
export type GutterSize = '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl';

/** A named icon, or a `vendor:` / `lucide:` prefixed one. */
export type IconName = string;

export type ActionHandler = 'client' | 'server';
export type LoadingBehavior = 'auto' | 'none' | 'self' | 'container';

/** What a widget declares it wants done when used. */
export interface ActionConfig {
  type: string;
  payload?: unknown;
  handler?: ActionHandler;
  loadingBehavior?: LoadingBehavior;
  streaming?: boolean;
}

export type WidgetStatus =
  { text: string; favicon?: string; frame?: boolean } | { text: string; icon?: IconName };

export interface CardAction {
  label: string;
  action: ActionConfig;
}

interface Node<T extends string> {
  type: T;
  key?: string;
  id?: string;
}

/** Size, margin and shape props shared by block-level widgets. */
export interface BlockProps {
  height?: Length;
  width?: Length;
  size?: Length;
  minHeight?: Length;
  minWidth?: Length;
  minSize?: Length;
  maxHeight?: Length;
  maxWidth?: Length;
  maxSize?: Length;
  aspectRatio?: number | string;
  radius?: Radius;
  margin?: Length | Spacing;
}

export interface BoxProps extends BlockProps {
  children?: WidgetNode[];
  align?: Alignment;
  justify?: Justification;
  wrap?: 'nowrap' | 'wrap' | 'wrap-reverse';
  flex?: number | string;
  gap?: Length;
  padding?: Length | Spacing;
  border?: number | BorderSpec | Borders;
  background?: ColorValue;
}

export interface TextProps {
  value: string;
  color?: ColorValue;
  weight?: FontWeight;
  textAlign?: TextAlign;
  truncate?: boolean;
  maxLines?: number;
}

// Roots

export interface CardNode extends Node<'Card'> {
  asForm?: boolean;
  children?: WidgetNode[];
  background?: ColorValue;
  border?: number | BorderSpec | Borders;
  size?: 'sm' | 'md' | 'lg' | 'full';
  padding?: Length | Spacing;
  status?: WidgetStatus;
  collapsed?: boolean;
  confirm?: CardAction;
  cancel?: CardAction;
  theme?: ThemeName;
}

export interface ListViewNode extends Node<'ListView'> {
  children?: ListViewItemNode[];
  limit?: number | 'auto';
  status?: WidgetStatus;
  theme?: ThemeName;
}

export interface BasicNode extends Node<'Basic'> {
  children?: WidgetNode[];
  theme?: ThemeName;
  direction?: 'row' | 'col';
  gap?: Length;
  padding?: Length | Spacing;
  align?: Alignment;
  justify?: Justification;
}

// Layout

export interface ListViewItemNode extends Node<'ListViewItem'> {
  children?: WidgetNode[];
  onClickAction?: ActionConfig;
  gap?: Length;
  align?: Alignment;
}

export interface BoxNode extends Node<'Box'>, BoxProps {
  direction?: 'row' | 'col';
}
export interface RowNode extends Node<'Row'>, BoxProps {}
export interface ColNode extends Node<'Col'>, BoxProps {}
export interface FormNode extends Node<'Form'>, BoxProps {
  onSubmitAction?: ActionConfig;
  direction?: 'row' | 'col';
}

export interface SpacerNode extends Node<'Spacer'> {
  minSize?: Length;
}

export interface DividerNode extends Node<'Divider'> {
  color?: ColorValue;
  size?: Length;
  spacing?: Length;
  flush?: boolean;
}

export interface TransitionNode extends Node<'Transition'> {
  children?: WidgetNode | null;
}

// Text

export interface EditableProps {
  name: string;
  autoFocus?: boolean;
  autoSelect?: boolean;
  autoComplete?: string;
  allowAutofillExtensions?: boolean;
  pattern?: string;
  placeholder?: string;
  required?: boolean;
}

export interface TextNode extends Node<'Text'>, TextProps {
  streaming?: boolean;
  italic?: boolean;
  lineThrough?: boolean;
  width?: Length;
  size?: TextSize;
  minLines?: number;
  editable?: false | EditableProps;
}

export interface TitleNode extends Node<'Title'>, TextProps {
  size?: TitleSize;
}

export interface CaptionNode extends Node<'Caption'>, TextProps {
  size?: CaptionSize;
}

export interface MarkdownNode extends Node<'Markdown'> {
  value: string;
  streaming?: boolean;
}

// Content

export type BadgeColor = 'secondary' | 'success' | 'danger' | 'warning' | 'info' | 'discovery';

export interface BadgeNode extends Node<'Badge'> {
  label: string;
  color?: BadgeColor;
  variant?: 'solid' | 'soft' | 'outline';
  size?: 'sm' | 'md' | 'lg';
  pill?: boolean;
}

export interface IconNode extends Node<'Icon'> {
  name: IconName;
  color?: ColorValue;
  size?: IconSize;
}

export type ImagePosition =
  | 'top left'
  | 'top'
  | 'top right'
  | 'left'
  | 'center'
  | 'right'
  | 'bottom left'
  | 'bottom'
  | 'bottom right';

export interface ImageNode extends Node<'Image'>, BlockProps {
  src: string;
  alt?: string;
  frame?: boolean;
  fit?: 'cover' | 'contain' | 'fill' | 'scale-down' | 'none';
  position?: ImagePosition;
  flush?: boolean;
  background?: ColorValue;
  flex?: number | string;
}

export type ButtonColor =
  'primary' | 'secondary' | 'info' | 'discovery' | 'success' | 'caution' | 'warning' | 'danger';

export interface ButtonNode extends Node<'Button'> {
  submit?: boolean;
  label?: string;
  onClickAction?: ActionConfig;
  iconStart?: IconName;
  iconEnd?: IconName;
  style?: 'primary' | 'secondary';
  iconSize?: 'sm' | 'md' | 'lg' | 'xl' | '2xl';
  color?: ButtonColor;
  variant?: ControlVariant;
  size?: ControlSize;
  pill?: boolean;
  uniform?: boolean;
  block?: boolean;
  disabled?: boolean;
}

export interface TableNode extends Node<'Table'> {
  children?: TableRowNode[];
}

export interface TableRowNode extends Node<'Table.Row'> {
  children?: TableCellNode[];
  header?: boolean;
}

export type TableAlign = 'start' | 'center' | 'end';

export interface TableCellNode extends Node<'Table.Cell'> {
  children?: WidgetNode[];
  width?: Length;
  padding?: Spacing;
  colSpan?: number;
  rowSpan?: number;
  align?: TableAlign;
  vAlign?: TableAlign;
  colSize?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
}

// Charts

export interface XAxisConfig {
  dataKey: string;
  hide?: boolean;
  labels?: Record<string, string>;
}

interface SeriesBase {
  label?: string | null;
  dataKey: string;
  color?: ColorValue;
}
export interface BarSeries extends SeriesBase {
  type: 'bar';
  stack?: string | null;
}
export interface AreaSeries extends SeriesBase {
  type: 'area';
  stack?: string | null;
  curveType?: string | null;
}
export interface LineSeries extends SeriesBase {
  type: 'line';
  curveType?: string | null;
}
export type ChartSeries = BarSeries | AreaSeries | LineSeries;

export interface ChartNode extends Node<'Chart'> {
  data: Array<Record<string, string | number>>;
  series: ChartSeries[];
  xAxis: string | XAxisConfig;
  showYAxis?: boolean;
  showLegend?: boolean;
  showTooltip?: boolean;
  barGap?: number;
  barCategoryGap?: number;
  flex?: number | string;
  height?: Length;
  width?: Length;
  size?: Length;
  minHeight?: Length;
  minWidth?: Length;
  minSize?: Length;
  maxHeight?: Length;
  maxWidth?: Length;
  maxSize?: Length;
  aspectRatio?: number | string;
}

// Form controls

export interface InputNode extends Node<'Input'> {
  name: string;
  inputType?: 'number' | 'email' | 'text' | 'password' | 'tel' | 'url';
  defaultValue?: string;
  required?: boolean;
  pattern?: string;
  placeholder?: string;
  allowAutofillExtensions?: boolean;
  autoSelect?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  variant?: 'soft' | 'outline';
  size?: ControlSize;
  gutterSize?: GutterSize;
  pill?: boolean;
}

export interface TextareaNode extends Node<'Textarea'> {
  name: string;
  defaultValue?: string;
  required?: boolean;
  pattern?: string;
  placeholder?: string;
  autoSelect?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  variant?: 'soft' | 'outline';
  size?: ControlSize;
  gutterSize?: GutterSize;
  rows?: number;
  autoResize?: boolean;
  maxRows?: number;
  allowAutofillExtensions?: boolean;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  description?: string;
}

export interface SelectNode extends Node<'Select'> {
  name: string;
  options?: SelectOption[];
  onChangeAction?: ActionConfig;
  placeholder?: string;
  defaultValue?: string;
  variant?: ControlVariant;
  size?: ControlSize;
  pill?: boolean;
  block?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  searchable?: boolean;
}

export interface DatePickerNode extends Node<'DatePicker'> {
  name: string;
  onChangeAction?: ActionConfig;
  placeholder?: string;
  /** ISO date or date-time. */
  defaultValue?: string;
  min?: string;
  max?: string;
  variant?: ControlVariant;
  size?: ControlSize;
  side?: 'top' | 'bottom' | 'left' | 'right';
  align?: 'start' | 'center' | 'end';
  pill?: boolean;
  block?: boolean;
  clearable?: boolean;
  disabled?: boolean;
}

export interface CheckboxNode extends Node<'Checkbox'> {
  name: string;
  label?: string;
  defaultChecked?: boolean;
  onChangeAction?: ActionConfig;
  disabled?: boolean;
  required?: boolean;
}

export interface RadioOption {
  label: string;
  value: string;
  disabled?: boolean;
}

export interface RadioGroupNode extends Node<'RadioGroup'> {
  name: string;
  options?: RadioOption[];
  ariaLabel?: string;
  onChangeAction?: ActionConfig;
  defaultValue?: string;
  direction?: 'row' | 'col';
  disabled?: boolean;
  required?: boolean;
}

export interface LabelNode extends Node<'Label'> {
  value: string;
  fieldName: string;
  size?: TextSize;
  weight?: FontWeight;
  textAlign?: TextAlign;
  color?: ColorValue;
}

export type WidgetRoot = CardNode | ListViewNode | BasicNode;

/** Every component the renderer knows. Roots may nest inside Basic. */
export type WidgetNode =
  | WidgetRoot
  | ListViewItemNode
  | BoxNode
  | RowNode
  | ColNode
  | FormNode
  | SpacerNode
  | DividerNode
  | TransitionNode
  | TextNode
  | TitleNode
  | CaptionNode
  | MarkdownNode
  | BadgeNode
  | IconNode
  | ImageNode
  | ButtonNode
  | TableNode
  | TableRowNode
  | TableCellNode
  | ChartNode
  | InputNode
  | TextareaNode
  | SelectNode
  | DatePickerNode
  | CheckboxNode
  | RadioGroupNode
  | LabelNode;

export type WidgetType = WidgetNode['type'];
